-- People, teams, locations, invitations, sessions and the audit trail.

CREATE TABLE team (
    team_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX team_name ON team (lower(name));

CREATE TABLE location (
    location_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX location_name ON location (lower(name));

CREATE TABLE person (
    person_id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    password_hash   TEXT,
    status          TEXT NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
    team_id         BIGINT REFERENCES team (team_id) ON DELETE SET NULL,
    location_id     BIGINT REFERENCES location (location_id) ON DELETE SET NULL,
    lang            TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    last_sign_in_at TIMESTAMPTZ
);
CREATE INDEX person_team ON person (team_id);
CREATE INDEX person_location ON person (location_id);

CREATE TABLE person_role (
    person_id BIGINT NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'trainer', 'manager', 'ambassador')),
    PRIMARY KEY (person_id, role)
);

CREATE TABLE team_manager (
    team_id   BIGINT NOT NULL REFERENCES team (team_id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_manager_person ON team_manager (person_id);

CREATE TABLE invitation (
    invitation_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id     BIGINT NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,
    created_by    BIGINT REFERENCES person (person_id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);
CREATE INDEX invitation_person ON invitation (person_id);

-- tower-sessions records; person_id is copied out of the data so that all of
-- a person's sessions can be ended at once, on every app instance.
CREATE TABLE session (
    session_id TEXT PRIMARY KEY,
    person_id  BIGINT REFERENCES person (person_id) ON DELETE CASCADE,
    data       TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_person ON session (person_id);
CREATE INDEX session_expires ON session (expires_at);

CREATE TABLE sign_in_throttle (
    throttle_key  TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    blocked_until TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_event (
    audit_event_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    actor_id       BIGINT REFERENCES person (person_id) ON DELETE SET NULL,
    action         TEXT NOT NULL,
    subject_type   TEXT NOT NULL,
    subject_id     BIGINT,
    detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);
CREATE INDEX audit_event_at ON audit_event (at);

CREATE TABLE setting (
    setting_key TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  BIGINT REFERENCES person (person_id) ON DELETE SET NULL
);
