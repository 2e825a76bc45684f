-- Training: courses (each stored whole, as the trainer edits it), learners'
-- progress and quiz attempts per round, and certificates.

-- `doc` is the course as JSON (modules, lessons, quizzes with their answers):
-- it is read and written whole, and never sent to learners as is.
CREATE TABLE course (
    course_id      INTEGER PRIMARY KEY,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    -- Raised when a trainer publishes a change that needs recertification.
    edition        INTEGER NOT NULL DEFAULT 1,
    -- Raised by every save, for optimistic concurrency.
    version        INTEGER NOT NULL DEFAULT 1,
    translation_of INTEGER REFERENCES course (course_id) ON DELETE SET NULL,
    doc            TEXT NOT NULL,
    created_by     INTEGER REFERENCES person (person_id) ON DELETE SET NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

ALTER TABLE post ADD COLUMN required_course INTEGER REFERENCES course (course_id) ON DELETE SET NULL;

-- A learner's current round of a course: 1, then one more per recertification.
CREATE TABLE enrollment (
    course_id  INTEGER NOT NULL REFERENCES course (course_id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    round      INTEGER NOT NULL DEFAULT 1,
    started_at INTEGER NOT NULL,
    last_item  INTEGER,
    PRIMARY KEY (course_id, person_id)
) WITHOUT ROWID;
CREATE INDEX enrollment_person ON enrollment (person_id);

-- Lessons read and quizzes passed, per round.
CREATE TABLE item_done (
    course_id INTEGER NOT NULL REFERENCES course (course_id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    round     INTEGER NOT NULL,
    item_id   INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (course_id, person_id, round, item_id)
) WITHOUT ROWID;

-- The key makes a second submission of the same attempt a no-op.
CREATE TABLE quiz_attempt (
    course_id INTEGER NOT NULL REFERENCES course (course_id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    round     INTEGER NOT NULL,
    item_id   INTEGER NOT NULL,
    attempt   INTEGER NOT NULL,
    score     INTEGER NOT NULL,
    passed    INTEGER NOT NULL,
    -- The graded result (JSON), so a repeated submission gets the same answer.
    result    TEXT NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (course_id, person_id, round, item_id, attempt)
) WITHOUT ROWID;

CREATE TABLE certificate (
    code        TEXT PRIMARY KEY,
    course_id   INTEGER NOT NULL REFERENCES course (course_id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    round       INTEGER NOT NULL,
    edition     INTEGER NOT NULL,
    issued_at   INTEGER NOT NULL,
    valid_until INTEGER,
    UNIQUE (course_id, person_id, round)
);
CREATE INDEX certificate_person ON certificate (person_id, course_id);
