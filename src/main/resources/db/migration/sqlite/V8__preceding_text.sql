-- Keyword search also matches an entry by the text of the entry saved just before it in its session (by the same
-- owner), at half the weight of its own words: a reply is found by the words of the question it answers.
ALTER TABLE search_entry ADD COLUMN preceding_text TEXT;
DROP TRIGGER search_entry_ai;
DROP TRIGGER search_entry_ad;
DROP TRIGGER search_entry_au;
DROP TABLE search_fts;

UPDATE search_entry SET preceding_text = (
    SELECT p.body FROM search_entry p
    WHERE p.store = search_entry.store AND p.namespace = search_entry.namespace
      AND p.session_id = search_entry.session_id AND p.session_pos = search_entry.session_pos - 1
      AND p.owner_id IS search_entry.owner_id)
WHERE session_id IS NOT NULL;

CREATE VIRTUAL TABLE search_fts USING fts5(
    body,
    tag_text,
    scope_tokens,
    preceding_text,
    content = 'search_entry',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO search_fts (search_fts) VALUES ('rebuild');

CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_fts (rowid, body, tag_text, scope_tokens, preceding_text)
        VALUES (new.seq, new.body, new.tag_text, new.scope_tokens, new.preceding_text);
END;

CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, tag_text, scope_tokens, preceding_text)
        VALUES ('delete', old.seq, old.body, old.tag_text, old.scope_tokens, old.preceding_text);
END;

CREATE TRIGGER search_entry_au AFTER UPDATE OF body, tag_text, scope_tokens, preceding_text ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, tag_text, scope_tokens, preceding_text)
        VALUES ('delete', old.seq, old.body, old.tag_text, old.scope_tokens, old.preceding_text);
    INSERT INTO search_fts (rowid, body, tag_text, scope_tokens, preceding_text)
        VALUES (new.seq, new.body, new.tag_text, new.scope_tokens, new.preceding_text);
END;
