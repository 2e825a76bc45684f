-- Raw clicks no longer check their link with a foreign key. The check ran
-- per row inside the click writer's batches, on the redirect's hot path, and
-- guarded nothing: the writer stores clicks only for links it read from the
-- database, and share links are never deleted (people are deactivated and
-- posts retracted; their history stays). Whatever deletes share links one day
-- must delete their clicks first. SQLite cannot drop a constraint, so the
-- table is rebuilt with the same rows.
CREATE TABLE click_new (
    link_id INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    human   INTEGER NOT NULL,
    visitor TEXT
);
INSERT INTO click_new (link_id, at, human, visitor)
    SELECT link_id, at, human, visitor FROM click ORDER BY rowid;
DROP TABLE click;
ALTER TABLE click_new RENAME TO click;
CREATE INDEX click_link_at ON click (link_id, at);
