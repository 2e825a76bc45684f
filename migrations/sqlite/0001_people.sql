-- People, teams, locations, invitations, sessions and the audit trail.
-- Timestamps are unix seconds (INTEGER), bound from Rust.

CREATE TABLE team (
    team_id    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at INTEGER NOT NULL
);

CREATE TABLE location (
    location_id INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE person (
    person_id       INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    password_hash   TEXT,
    status          TEXT NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
    team_id         INTEGER REFERENCES team (team_id) ON DELETE SET NULL,
    location_id     INTEGER REFERENCES location (location_id) ON DELETE SET NULL,
    lang            TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_sign_in_at INTEGER
);
CREATE INDEX person_team ON person (team_id);
CREATE INDEX person_location ON person (location_id);

CREATE TABLE person_role (
    person_id INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'trainer', 'manager', 'ambassador')),
    PRIMARY KEY (person_id, role)
) WITHOUT ROWID;

CREATE TABLE team_manager (
    team_id   INTEGER NOT NULL REFERENCES team (team_id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
) WITHOUT ROWID;
CREATE INDEX team_manager_person ON team_manager (person_id);

CREATE TABLE invitation (
    invitation_id INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,
    created_by    INTEGER REFERENCES person (person_id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER
);
CREATE INDEX invitation_person ON invitation (person_id);

-- tower-sessions records; person_id is copied out of the data so that all of
-- a person's sessions can be ended at once.
CREATE TABLE session (
    session_id TEXT PRIMARY KEY,
    person_id  INTEGER REFERENCES person (person_id) ON DELETE CASCADE,
    data       TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX session_person ON session (person_id);
CREATE INDEX session_expires ON session (expires_at);

CREATE TABLE sign_in_throttle (
    throttle_key  TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE audit_event (
    audit_event_id INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    actor_id       INTEGER REFERENCES person (person_id) ON DELETE SET NULL,
    action         TEXT NOT NULL,
    subject_type   TEXT NOT NULL,
    subject_id     INTEGER,
    detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);
CREATE INDEX audit_event_at ON audit_event (at);

CREATE TABLE setting (
    setting_key TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  INTEGER REFERENCES person (person_id) ON DELETE SET NULL
);
