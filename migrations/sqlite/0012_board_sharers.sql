-- How many people shared at least once in each kept board period (active
-- or not), so a company's participation rate reads one row instead of
-- counting some 100,000 totals. Kept by the same writers as board_score:
-- a total whose shares go from 0 to more adds one person. Inactive people
-- are few and are subtracted when read.
CREATE TABLE board_sharers (
    kind      INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    sharers   INTEGER NOT NULL,
    PRIMARY KEY (kind, start_day)
) WITHOUT ROWID;

INSERT INTO board_sharers (kind, start_day, sharers)
SELECT kind, start_day, count(*) FROM board_score WHERE shares > 0 GROUP BY kind, start_day;
