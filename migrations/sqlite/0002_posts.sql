-- The content library: posts with captions per network, topics, targeting and images.

CREATE TABLE image (
    image_id     INTEGER PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    byte_size    INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    uploaded_by  INTEGER REFERENCES person (person_id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE topic (
    topic_id INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE post (
    post_id           INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    body              TEXT NOT NULL DEFAULT '',
    -- Title, body and topics in lower case without accents, for the feed's search.
    search_text       TEXT NOT NULL DEFAULT '',
    link_url          TEXT NOT NULL,
    image_id          INTEGER REFERENCES image (image_id) ON DELETE SET NULL,
    status            TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'retracted')),
    important         INTEGER NOT NULL DEFAULT 0,
    captions_editable INTEGER NOT NULL DEFAULT 1,
    disclosure        TEXT NOT NULL,
    target_all        INTEGER NOT NULL DEFAULT 1,
    -- NULL until approved: then "as soon as approved" becomes the approval time.
    publish_at        INTEGER,
    expire_at         INTEGER,
    author_id         INTEGER REFERENCES person (person_id) ON DELETE SET NULL,
    suggested_by      INTEGER REFERENCES person (person_id) ON DELETE SET NULL,
    suggestion_note   TEXT NOT NULL DEFAULT '',
    last_comment      TEXT,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX post_status_publish ON post (status, publish_at);

CREATE TABLE post_topic (
    post_id  INTEGER NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topic (topic_id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX post_topic_topic ON post_topic (topic_id);

CREATE TABLE post_team (
    post_id INTEGER NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    team_id INTEGER NOT NULL REFERENCES team (team_id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, team_id)
) WITHOUT ROWID;

CREATE TABLE post_location (
    post_id     INTEGER NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES location (location_id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, location_id)
) WITHOUT ROWID;

CREATE TABLE post_lang (
    post_id INTEGER NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    lang    TEXT NOT NULL CHECK (lang IN ('en', 'es')),
    PRIMARY KEY (post_id, lang)
) WITHOUT ROWID;

CREATE TABLE caption (
    caption_id INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    network    TEXT NOT NULL CHECK (network IN ('linkedin', 'x', 'facebook', 'whatsapp', 'email')),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX caption_post ON caption (post_id, network, position);
