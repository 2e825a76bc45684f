-- Raw clicks no longer check their link with a foreign key. The check ran a
-- query per row (about 10 µs each) inside the click writer's batches, on the
-- redirect's hot path, and guarded nothing: the writer stores clicks only for
-- links it read from the database, and share links are never deleted (people
-- are deactivated and posts retracted; their history stays). Whatever deletes
-- share links one day must delete their clicks first.
ALTER TABLE click DROP CONSTRAINT IF EXISTS click_link_id_fkey;
