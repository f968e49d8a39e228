-- What waits for a person to say yes: knowledge proposed for a store in propose mode, by an agent or by extraction,
-- and what the reviewer decided (a rejected proposal stays, so that the same insight is not proposed again).
CREATE TABLE proposal (
    id              TEXT      NOT NULL PRIMARY KEY,
    store           TEXT      NOT NULL,
    namespace       TEXT      NOT NULL,
    user_id         TEXT      NOT NULL,
    agent_id        TEXT      NOT NULL,
    owner_id        TEXT,
    proposed_by     TEXT      NOT NULL,
    by_agent        INTEGER   NOT NULL,
    conversation_id TEXT,
    reason          TEXT      NOT NULL,
    knowledge       TEXT      NOT NULL,
    edited          INTEGER   NOT NULL,
    summary         TEXT      NOT NULL,
    state           TEXT      NOT NULL,
    times_proposed  INTEGER   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    decided_at      TIMESTAMP,
    decided_by      TEXT,
    note            TEXT,
    result          TEXT
);
CREATE INDEX proposal_waiting ON proposal (state, namespace, created_at);
