-- User Memory: observations about one user that accumulate.
CREATE TABLE memory (
    id                TEXT      NOT NULL PRIMARY KEY,
    user_id           TEXT      NOT NULL,
    body              TEXT      NOT NULL,
    topics            TEXT      NOT NULL,
    agent_id          TEXT      NOT NULL,
    session_id        TEXT,
    confirmations     INTEGER   NOT NULL DEFAULT 1,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    last_confirmed_at TIMESTAMP NOT NULL
);
CREATE INDEX memory_user_created ON memory (user_id, created_at);

-- A forgotten memory is deleted; this line says that it was, when, and by whom (not what it said).
CREATE TABLE memory_audit (
    id          INTEGER   PRIMARY KEY AUTOINCREMENT,
    user_id     TEXT      NOT NULL,
    memory_id   TEXT      NOT NULL,
    action      TEXT      NOT NULL,
    happened_at TIMESTAMP NOT NULL,
    agent_id    TEXT      NOT NULL,
    session_id  TEXT
);
CREATE INDEX memory_audit_user ON memory_audit (user_id, id);
