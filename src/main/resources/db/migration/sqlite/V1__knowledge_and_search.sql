-- Learned Knowledge: insights that transfer across users, shared within a namespace.
CREATE TABLE learning (
    id              TEXT      NOT NULL PRIMARY KEY,
    namespace       TEXT      NOT NULL,
    title           TEXT      NOT NULL,
    body            TEXT      NOT NULL,
    context         TEXT,
    tags            TEXT      NOT NULL,
    author_user_id  TEXT      NOT NULL,
    author_agent_id TEXT      NOT NULL,
    session_id      TEXT,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX learning_namespace_created ON learning (namespace, created_at);

-- The search engine's entries, one per item of any store.
CREATE TABLE search_entry (
    seq        INTEGER   PRIMARY KEY AUTOINCREMENT,
    store      TEXT      NOT NULL,
    item_id    TEXT      NOT NULL,
    namespace  TEXT      NOT NULL,
    owner_id   TEXT,
    body       TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (store, item_id)
);
CREATE INDEX search_entry_scope ON search_entry (store, namespace, owner_id);

CREATE TABLE search_entry_tag (
    entry_seq INTEGER NOT NULL REFERENCES search_entry (seq) ON DELETE CASCADE,
    tag       TEXT    NOT NULL,
    PRIMARY KEY (entry_seq, tag)
);
CREATE INDEX search_entry_tag_tag ON search_entry_tag (tag, entry_seq);

-- Keyword index: FTS5 over search_entry.body, kept in step by triggers.
CREATE VIRTUAL TABLE search_fts USING fts5(
    body,
    content = 'search_entry',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_fts (rowid, body) VALUES (new.seq, new.body);
END;

CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.seq, old.body);
END;

CREATE TRIGGER search_entry_au AFTER UPDATE OF body ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.seq, old.body);
    INSERT INTO search_fts (rowid, body) VALUES (new.seq, new.body);
END;
