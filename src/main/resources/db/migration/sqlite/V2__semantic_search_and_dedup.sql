-- The entry's body is now what the item says (the text its vector is taken from); its tags, which keyword search
-- also matches, get a column of their own. A third column holds tokens naming the entry's scope (store and
-- namespace, owner, each tag), so one FTS5 match both filters and ranks, and FTS5 stops at the LIMIT instead of
-- ranking every entry that shares a common word with the query.
ALTER TABLE search_entry ADD COLUMN tag_text TEXT;
ALTER TABLE search_entry ADD COLUMN scope_tokens TEXT;
DROP TRIGGER search_entry_ai;
DROP TRIGGER search_entry_ad;
DROP TRIGGER search_entry_au;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
    body,
    tag_text,
    scope_tokens,
    content = 'search_entry',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO search_fts (search_fts) VALUES ('rebuild');

CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_fts (rowid, body, tag_text, scope_tokens) VALUES (new.seq, new.body, new.tag_text, new.scope_tokens);
END;

CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, tag_text, scope_tokens)
        VALUES ('delete', old.seq, old.body, old.tag_text, old.scope_tokens);
END;

CREATE TRIGGER search_entry_au AFTER UPDATE OF body, tag_text, scope_tokens ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, tag_text, scope_tokens)
        VALUES ('delete', old.seq, old.body, old.tag_text, old.scope_tokens);
    INSERT INTO search_fts (rowid, body, tag_text, scope_tokens) VALUES (new.seq, new.body, new.tag_text, new.scope_tokens);
END;

-- Semantic search: each entry's embedding (float32, little-endian) and the model that made it; the entry's
-- session and its position in that session, so a hit can lend score to what was saved around it.
ALTER TABLE search_entry ADD COLUMN session_id TEXT;
ALTER TABLE search_entry ADD COLUMN session_pos INTEGER;
ALTER TABLE search_entry ADD COLUMN embedding BLOB;
ALTER TABLE search_entry ADD COLUMN embedding_model TEXT;
CREATE INDEX search_entry_session ON search_entry (store, namespace, session_id, session_pos);

-- Every change to the entries, in order: Lore processes sharing this file keep their in-memory vector index in
-- step by reading the changes they have not seen yet.
CREATE TABLE search_change (
    change_id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_seq INTEGER NOT NULL,
    deleted   INTEGER NOT NULL
);

CREATE TRIGGER search_change_insert AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_change (entry_seq, deleted) VALUES (new.seq, 0);
END;

CREATE TRIGGER search_change_update AFTER UPDATE OF namespace, owner_id, session_id, embedding, embedding_model
    ON search_entry BEGIN
    INSERT INTO search_change (entry_seq, deleted) VALUES (new.seq, 0);
END;

CREATE TRIGGER search_change_delete AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_change (entry_seq, deleted) VALUES (old.seq, 1);
END;

-- Reinforcement: a near-duplicate save confirms a learning instead of copying it.
ALTER TABLE learning ADD COLUMN confirmations INTEGER NOT NULL DEFAULT 1;
ALTER TABLE learning ADD COLUMN last_confirmed_at TIMESTAMP;
UPDATE learning SET last_confirmed_at = created_at;
