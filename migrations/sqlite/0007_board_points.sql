-- How many listed people hold each number of points on each kept board
-- period, so a person's rank on the company board is a sum over the few
-- thousand distinct point values above theirs, not a count of everyone.
-- Kept by the same writers as board_score; rows may reach 0 people.
CREATE TABLE board_points (
    kind      INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    points    INTEGER NOT NULL,
    people    INTEGER NOT NULL,
    PRIMARY KEY (kind, start_day, points)
) WITHOUT ROWID;

INSERT INTO board_points (kind, start_day, points, people)
SELECT kind, start_day, points, count(*) FROM board_score
WHERE listed = 1 AND points > 0 GROUP BY kind, start_day, points;
