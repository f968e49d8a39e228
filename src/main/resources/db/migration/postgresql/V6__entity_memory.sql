-- Entity Memory: facts about companies, projects, people, systems, shared within a namespace.
CREATE TABLE entity (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    namespace   VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    entity_type VARCHAR(50),
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- Every name an entity answers to, normalised (its own name included): how "Acme Corp" and "acme corp." meet.
CREATE TABLE entity_alias (
    namespace VARCHAR(64)  NOT NULL,
    alias_key VARCHAR(200) NOT NULL,
    entity_id VARCHAR(36)  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    alias     VARCHAR(200) NOT NULL,
    PRIMARY KEY (namespace, alias_key)
);
CREATE INDEX entity_alias_entity ON entity_alias (entity_id);

-- Facts; a superseded fact stays, pointing at the fact that replaced it.
CREATE TABLE entity_fact (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    entity_id         VARCHAR(36)  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    namespace         VARCHAR(64)  NOT NULL,
    fact              TEXT         NOT NULL,
    attribute         VARCHAR(64),
    status            VARCHAR(16)  NOT NULL,
    superseded_by     VARCHAR(36),
    superseded_at     TIMESTAMPTZ,
    confirmations     INTEGER      NOT NULL DEFAULT 1,
    user_id           VARCHAR(128) NOT NULL,
    agent_id          VARCHAR(128) NOT NULL,
    session_id        VARCHAR(256),
    created_at        TIMESTAMPTZ  NOT NULL,
    last_confirmed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX entity_fact_entity ON entity_fact (entity_id, status, created_at);

CREATE TABLE entity_relation (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    namespace    VARCHAR(64)  NOT NULL,
    from_id      VARCHAR(36)  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    relation     VARCHAR(100) NOT NULL,
    relation_key VARCHAR(100) NOT NULL,
    to_id        VARCHAR(36)  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    user_id      VARCHAR(128) NOT NULL,
    agent_id     VARCHAR(128) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (namespace, from_id, relation_key, to_id)
);
CREATE INDEX entity_relation_to ON entity_relation (to_id);
