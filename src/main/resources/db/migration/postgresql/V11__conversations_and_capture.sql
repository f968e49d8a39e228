-- Conversations Lore has read: how many turns it keeps of each, and whether the user had it forgotten.
CREATE TABLE conversation (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id         VARCHAR(128) NOT NULL,
    conversation_id VARCHAR(256) NOT NULL,
    agent_id        VARCHAR(128) NOT NULL,
    turns_kept      INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    forgotten_at    TIMESTAMPTZ,
    UNIQUE (user_id, conversation_id)
);

-- What the user and the assistant said, turn by turn, private to the user.
CREATE TABLE conversation_turn (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id         VARCHAR(128) NOT NULL,
    conversation_id VARCHAR(256) NOT NULL,
    turn_key        VARCHAR(128) NOT NULL,
    position        INTEGER      NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    body            TEXT         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (user_id, conversation_id, turn_key)
);
CREATE INDEX conversation_turn_order ON conversation_turn (user_id, conversation_id, position);

-- Conversations handed over to be learned from, waiting for (or done with) the background worker.
CREATE TABLE capture_job (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id         VARCHAR(128) NOT NULL,
    agent_id        VARCHAR(128) NOT NULL,
    conversation_id VARCHAR(256) NOT NULL,
    turns           TEXT         NOT NULL,
    turn_count      INTEGER      NOT NULL,
    new_turns       INTEGER,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    run_after       TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    learned         TEXT,
    error           TEXT
);
CREATE INDEX capture_job_due ON capture_job (state, run_after);
CREATE INDEX capture_job_user ON capture_job (user_id, created_at);
