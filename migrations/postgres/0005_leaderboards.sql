-- Leaderboards and analytics read counters kept up to date by the writers of
-- shares, clicks, certificates and approvals, never GROUP BY over raw clicks.

-- Ambassadors may keep themselves off every board (they still see their own numbers).
ALTER TABLE person ADD COLUMN board_opt_out BOOLEAN NOT NULL DEFAULT FALSE;

-- What one person did on one day (UTC day number): the source of custom
-- ranges, charts over time and "my data".
CREATE TABLE person_day_stats (
    person_id            BIGINT NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    day                  INTEGER NOT NULL,
    shares               BIGINT NOT NULL DEFAULT 0,
    potential_reach      BIGINT NOT NULL DEFAULT 0,
    human_clicks         BIGINT NOT NULL DEFAULT 0,
    unique_visitors      BIGINT NOT NULL DEFAULT 0,
    bot_hits             BIGINT NOT NULL DEFAULT 0,
    courses_completed    BIGINT NOT NULL DEFAULT 0,
    suggestions_approved BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, day)
);
CREATE INDEX person_day_stats_day ON person_day_stats (day);

-- One row per person and board period (kind 1 week, 2 month, 3 quarter,
-- 4 all time; start_day is the period's first day, 0 for all time), with
-- the points under the current rules, so the top of a board and a person's
-- rank are index ranges. `listed` is false for people off the boards.
CREATE TABLE board_score (
    kind                 SMALLINT NOT NULL,
    start_day            INTEGER NOT NULL,
    person_id            BIGINT NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    shares               BIGINT NOT NULL DEFAULT 0,
    human_clicks         BIGINT NOT NULL DEFAULT 0,
    unique_visitors      BIGINT NOT NULL DEFAULT 0,
    courses_completed    BIGINT NOT NULL DEFAULT 0,
    suggestions_approved BIGINT NOT NULL DEFAULT 0,
    points               BIGINT NOT NULL DEFAULT 0,
    listed               BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (kind, start_day, person_id)
);
CREATE INDEX board_score_rank ON board_score (kind, start_day, listed, points DESC, person_id);
CREATE INDEX board_score_person ON board_score (person_id);

-- The points rules in force (one row), read by the counter writers in SQL
-- so every instance behind a load balancer applies the same rules.
CREATE TABLE points_rule (
    only_row             SMALLINT PRIMARY KEY CHECK (only_row = 1),
    share                BIGINT NOT NULL,
    human_click          BIGINT NOT NULL,
    unique_visitor       BIGINT NOT NULL,
    course_completed     BIGINT NOT NULL,
    suggestion_approved  BIGINT NOT NULL
);
INSERT INTO points_rule VALUES (1, 10, 1, 2, 50, 20);
