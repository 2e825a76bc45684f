-- A team's participation counts its active people and looks up each one's
-- totals. With the status beside the team in the index, that count reads
-- the index alone instead of each person's whole row (e-mail, name,
-- password hash), which is most of its time for a team of a few hundred.
DROP INDEX person_team;
CREATE INDEX person_team_status ON person (team_id, status);
