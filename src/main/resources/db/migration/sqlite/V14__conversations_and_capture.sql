-- Conversations Lore has read: how many turns it keeps of each, and whether the user had it forgotten.
CREATE TABLE conversation (
    id              TEXT      NOT NULL PRIMARY KEY,
    user_id         TEXT      NOT NULL,
    conversation_id TEXT      NOT NULL,
    agent_id        TEXT      NOT NULL,
    turns_kept      INTEGER   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    forgotten_at    TIMESTAMP,
    UNIQUE (user_id, conversation_id)
);

-- What the user and the assistant said, turn by turn, private to the user.
CREATE TABLE conversation_turn (
    id              TEXT      NOT NULL PRIMARY KEY,
    user_id         TEXT      NOT NULL,
    conversation_id TEXT      NOT NULL,
    turn_key        TEXT      NOT NULL,
    position        INTEGER   NOT NULL,
    role            TEXT      NOT NULL,
    body            TEXT      NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (user_id, conversation_id, turn_key)
);
CREATE INDEX conversation_turn_order ON conversation_turn (user_id, conversation_id, position);

-- Conversations handed over to be learned from, waiting for (or done with) the background worker.
CREATE TABLE capture_job (
    id              TEXT      NOT NULL PRIMARY KEY,
    user_id         TEXT      NOT NULL,
    agent_id        TEXT      NOT NULL,
    conversation_id TEXT      NOT NULL,
    turns           TEXT      NOT NULL,
    turn_count      INTEGER   NOT NULL,
    new_turns       INTEGER,
    state           TEXT      NOT NULL,
    attempts        INTEGER   NOT NULL DEFAULT 0,
    run_after       TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    learned         TEXT,
    error           TEXT
);
CREATE INDEX capture_job_due ON capture_job (state, run_after);
CREATE INDEX capture_job_user ON capture_job (user_id, created_at);
