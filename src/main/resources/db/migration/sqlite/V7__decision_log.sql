-- Decision Log: what an agent decided, why, and how it went; readable by everyone in the namespace.
CREATE TABLE decision (
    id           TEXT      NOT NULL PRIMARY KEY,
    namespace    TEXT      NOT NULL,
    agent_id     TEXT      NOT NULL,
    user_id      TEXT      NOT NULL,
    session_id   TEXT,
    decision     TEXT      NOT NULL,
    reasoning    TEXT      NOT NULL,
    alternatives TEXT      NOT NULL,
    context      TEXT,
    tags         TEXT      NOT NULL,
    confidence   REAL,
    outcome      TEXT,
    success      INTEGER,
    outcome_at   TIMESTAMP,
    outcome_by   TEXT,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX decision_namespace_created ON decision (namespace, created_at);
