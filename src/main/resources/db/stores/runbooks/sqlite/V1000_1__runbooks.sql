-- The runbook store's own table. A store's migrations live apart from Lore's (db/stores/<store>/<flavor>) and number
-- their versions in a range of their own (1000.x here), so that neither ever takes a version the other needs.
CREATE TABLE runbook (
    id                TEXT      NOT NULL PRIMARY KEY,
    namespace         TEXT      NOT NULL,
    task              TEXT      NOT NULL,
    steps             TEXT      NOT NULL,
    outcome           TEXT      NOT NULL,
    notes             TEXT,
    times_worked      INTEGER   NOT NULL,
    times_failed      INTEGER   NOT NULL,
    tags              TEXT      NOT NULL,
    author_user_id    TEXT      NOT NULL,
    author_agent_id   TEXT      NOT NULL,
    session_id        TEXT,
    confirmations     INTEGER   NOT NULL DEFAULT 1,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    last_confirmed_at TIMESTAMP
);
CREATE INDEX runbook_namespace_created ON runbook (namespace, created_at);
