-- Running totals per post for each kept period (this week, month, quarter,
-- all time) and scope, kept by the same writers as `analytics_post`. Top
-- posts and top topics of a kept period then read the period's few
-- thousand posts instead of summing a month of per-day rows (some 50,000
-- at 100,000 people). Custom ranges still sum `analytics_post`.
-- `kind` and `start_day` mean what they mean in `board_score`. The rows are
-- filled by the counter rebuild that `counters_built.3` triggers once.
CREATE TABLE analytics_post_period (
    scope           BIGINT NOT NULL,
    kind            SMALLINT NOT NULL,
    start_day       INTEGER NOT NULL,
    post_id         BIGINT NOT NULL REFERENCES post (post_id) ON DELETE CASCADE,
    shares          BIGINT NOT NULL DEFAULT 0,
    potential_reach BIGINT NOT NULL DEFAULT 0,
    human_clicks    BIGINT NOT NULL DEFAULT 0,
    unique_visitors BIGINT NOT NULL DEFAULT 0,
    bot_hits        BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, kind, start_day, post_id)
);
CREATE INDEX analytics_post_period_post ON analytics_post_period (post_id);
