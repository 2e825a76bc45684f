-- Analytics read counters per scope (0 = the whole company, otherwise a
-- team id) and UTC day, kept by the same writers as the leaderboards, so a
-- chart over a quarter reads a few hundred rows, never the raw clicks.
-- A team's rows are its current members' history: someone who changes
-- team takes theirs along (moved in the same transaction).

-- Per channel; channel '' holds what no channel belongs to (courses completed).
CREATE TABLE analytics_day (
    scope             BIGINT NOT NULL,
    day               INTEGER NOT NULL,
    channel           TEXT NOT NULL,
    shares            BIGINT NOT NULL DEFAULT 0,
    potential_reach   BIGINT NOT NULL DEFAULT 0,
    human_clicks      BIGINT NOT NULL DEFAULT 0,
    unique_visitors   BIGINT NOT NULL DEFAULT 0,
    bot_hits          BIGINT NOT NULL DEFAULT 0,
    courses_completed BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, day, channel)
);

-- Per post: top posts and top topics.
CREATE TABLE analytics_post (
    scope           BIGINT NOT NULL,
    day             INTEGER NOT NULL,
    post_id         BIGINT NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    shares          BIGINT NOT NULL DEFAULT 0,
    potential_reach BIGINT NOT NULL DEFAULT 0,
    human_clicks    BIGINT NOT NULL DEFAULT 0,
    unique_visitors BIGINT NOT NULL DEFAULT 0,
    bot_hits        BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, day, post_id)
);
CREATE INDEX analytics_post_post ON analytics_post (post_id);
