-- Decision Log: what an agent decided, why, and how it went; readable by everyone in the namespace.
CREATE TABLE decision (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    namespace    VARCHAR(64)  NOT NULL,
    agent_id     VARCHAR(128) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    session_id   VARCHAR(256),
    decision     TEXT         NOT NULL,
    reasoning    TEXT         NOT NULL,
    alternatives TEXT         NOT NULL,
    context      TEXT,
    tags         TEXT         NOT NULL,
    confidence   DOUBLE PRECISION,
    outcome      TEXT,
    success      BOOLEAN,
    outcome_at   TIMESTAMPTZ,
    outcome_by   VARCHAR(128),
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX decision_namespace_created ON decision (namespace, created_at);
