-- The runbook store's own table. A store's migrations live apart from Lore's (db/stores/<store>/<flavor>) and number
-- their versions in a range of their own (1000.x here), so that neither ever takes a version the other needs.
CREATE TABLE runbook (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    namespace         VARCHAR(128) NOT NULL,
    task              TEXT         NOT NULL,
    steps             TEXT         NOT NULL,
    outcome           VARCHAR(16)  NOT NULL,
    notes             TEXT,
    times_worked      INTEGER      NOT NULL,
    times_failed      INTEGER      NOT NULL,
    tags              TEXT         NOT NULL,
    author_user_id    VARCHAR(128) NOT NULL,
    author_agent_id   VARCHAR(128) NOT NULL,
    session_id        VARCHAR(256),
    confirmations     INTEGER      NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    last_confirmed_at TIMESTAMPTZ
);
CREATE INDEX runbook_namespace_created ON runbook (namespace, created_at);
