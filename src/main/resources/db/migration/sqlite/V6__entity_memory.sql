-- Entity Memory: facts about companies, projects, people, systems, shared within a namespace.
CREATE TABLE entity (
    id          TEXT      NOT NULL PRIMARY KEY,
    namespace   TEXT      NOT NULL,
    name        TEXT      NOT NULL,
    entity_type TEXT,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- Every name an entity answers to, normalised (its own name included): how "Acme Corp" and "acme corp." meet.
CREATE TABLE entity_alias (
    namespace TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (namespace, alias_key)
);
CREATE INDEX entity_alias_entity ON entity_alias (entity_id);

-- Facts; a superseded fact stays, pointing at the fact that replaced it.
CREATE TABLE entity_fact (
    id                TEXT      NOT NULL PRIMARY KEY,
    entity_id         TEXT      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    namespace         TEXT      NOT NULL,
    fact              TEXT      NOT NULL,
    attribute         TEXT,
    status            TEXT      NOT NULL,
    superseded_by     TEXT,
    superseded_at     TIMESTAMP,
    confirmations     INTEGER   NOT NULL DEFAULT 1,
    user_id           TEXT      NOT NULL,
    agent_id          TEXT      NOT NULL,
    session_id        TEXT,
    created_at        TIMESTAMP NOT NULL,
    last_confirmed_at TIMESTAMP NOT NULL
);
CREATE INDEX entity_fact_entity ON entity_fact (entity_id, status, created_at);

CREATE TABLE entity_relation (
    id           TEXT      NOT NULL PRIMARY KEY,
    namespace    TEXT      NOT NULL,
    from_id      TEXT      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    relation     TEXT      NOT NULL,
    relation_key TEXT      NOT NULL,
    to_id        TEXT      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    user_id      TEXT      NOT NULL,
    agent_id     TEXT      NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (namespace, from_id, relation_key, to_id)
);
CREATE INDEX entity_relation_to ON entity_relation (to_id);
