-- Tracked sharing: one short link per (post, ambassador, channel), the
-- shares taken, raw clicks, and the counters reach pages read.

-- The opaque id of an ambassador in utm_content (never their name or e-mail).
CREATE TABLE ambassador_ref (
    person_id INTEGER PRIMARY KEY REFERENCES person (person_id) ON DELETE CASCADE,
    ref       TEXT NOT NULL UNIQUE
);

CREATE TABLE share_link (
    link_id    INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    post_id    INTEGER NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    channel    TEXT NOT NULL CHECK (channel IN ('linkedin', 'x', 'facebook', 'whatsapp', 'email', 'link')),
    created_at INTEGER NOT NULL,
    UNIQUE (post_id, person_id, channel)
);
CREATE INDEX share_link_person ON share_link (person_id);

-- One row per share action; followers as declared when sharing.
CREATE TABLE share (
    share_id  INTEGER PRIMARY KEY,
    link_id   INTEGER NOT NULL REFERENCES share_link (link_id) ON DELETE CASCADE,
    followers INTEGER NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX share_link_at ON share (link_id, at);

-- Raw clicks. No address: a visitor is a daily-salted hash, and only for people.
CREATE TABLE click (
    link_id INTEGER NOT NULL REFERENCES share_link (link_id) ON DELETE CASCADE,
    at      INTEGER NOT NULL,
    human   INTEGER NOT NULL,
    visitor TEXT
);
CREATE INDEX click_link_at ON click (link_id, at);

-- Which visitors a link has already counted (the hash changes daily, so
-- rows older than the salts can go).
CREATE TABLE link_visitor (
    link_id INTEGER NOT NULL,
    visitor TEXT NOT NULL,
    day     INTEGER NOT NULL,
    PRIMARY KEY (link_id, visitor)
) WITHOUT ROWID;

CREATE TABLE visitor_salt (
    day  INTEGER PRIMARY KEY,
    salt BLOB NOT NULL
);

-- Counters, maintained by the click writer and by shares.
CREATE TABLE link_stats (
    link_id         INTEGER PRIMARY KEY REFERENCES share_link (link_id) ON DELETE CASCADE,
    shares          INTEGER NOT NULL DEFAULT 0,
    potential_reach INTEGER NOT NULL DEFAULT 0,
    human_clicks    INTEGER NOT NULL DEFAULT 0,
    unique_visitors INTEGER NOT NULL DEFAULT 0,
    bot_hits        INTEGER NOT NULL DEFAULT 0,
    last_share_at   INTEGER,
    last_click_at   INTEGER
);

CREATE TABLE link_day_stats (
    link_id         INTEGER NOT NULL REFERENCES share_link (link_id) ON DELETE CASCADE,
    day             INTEGER NOT NULL,
    shares          INTEGER NOT NULL DEFAULT 0,
    potential_reach INTEGER NOT NULL DEFAULT 0,
    human_clicks    INTEGER NOT NULL DEFAULT 0,
    unique_visitors INTEGER NOT NULL DEFAULT 0,
    bot_hits        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (link_id, day)
) WITHOUT ROWID;

CREATE TABLE follower_count (
    person_id INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    network   TEXT NOT NULL,
    followers INTEGER NOT NULL CHECK (followers >= 0),
    PRIMARY KEY (person_id, network)
) WITHOUT ROWID;
