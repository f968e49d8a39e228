-- What waits for a person to say yes: knowledge proposed for a store in propose mode, by an agent or by extraction,
-- and what the reviewer decided (a rejected proposal stays, so that the same insight is not proposed again).
CREATE TABLE proposal (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    store           VARCHAR(64)  NOT NULL,
    namespace       VARCHAR(128) NOT NULL,
    user_id         VARCHAR(128) NOT NULL,
    agent_id        VARCHAR(128) NOT NULL,
    owner_id        VARCHAR(128),
    proposed_by     VARCHAR(256) NOT NULL,
    by_agent        BOOLEAN      NOT NULL,
    conversation_id VARCHAR(256),
    reason          TEXT         NOT NULL,
    knowledge       TEXT         NOT NULL,
    edited          BOOLEAN      NOT NULL,
    summary         TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    times_proposed  INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      VARCHAR(256),
    note            TEXT,
    result          TEXT
);
CREATE INDEX proposal_waiting ON proposal (state, namespace, created_at);
