-- The few people not active (invited or deactivated), so company-wide
-- participation subtracts them instead of checking every active person.
CREATE INDEX person_not_active ON person (person_id) WHERE status <> 'active';
