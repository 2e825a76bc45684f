-- Campaign boards: who shared the posts of one topic best between two
-- dates (UTC day numbers, both included). Read from the per-link daily
-- counters, never from raw clicks.
CREATE TABLE campaign (
    campaign_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    topic_id    BIGINT NOT NULL REFERENCES topic (topic_id) ON DELETE CASCADE,
    start_day   INTEGER NOT NULL,
    end_day     INTEGER NOT NULL CHECK (end_day >= start_day)
);
