-- Raw clicks are only ever read whole (the counter rebuild, the checks
-- against the counters); every page reads the kept counters. The
-- (link_id, at) index served none of those reads, only the benchmark's
-- naive per-team query (which now builds the index for itself), yet the
-- click writer paid for it on every click, inside the batches the
-- redirect feeds, and on disk for every click.
DROP INDEX click_link_at;
