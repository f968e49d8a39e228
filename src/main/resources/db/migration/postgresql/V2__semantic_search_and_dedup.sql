CREATE EXTENSION IF NOT EXISTS vector;

-- The entry's body is now what the item says (the text its vector is taken from); its tags, which keyword search
-- also matches, get a column of their own, and the full-text vector covers both.
ALTER TABLE search_entry DROP COLUMN tsv;
ALTER TABLE search_entry ADD COLUMN tag_text TEXT;
ALTER TABLE search_entry ADD COLUMN tsv TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('english', body || ' ' || coalesce(tag_text, ''))) STORED;
CREATE INDEX search_entry_tsv ON search_entry USING GIN (tsv);

-- Semantic search: each entry's embedding and the model that made it; the entry's session and its position in that
-- session, so a hit can lend score to what was saved around it. 384 dimensions fits the in-process default model;
-- `lore reembed` changes the column when a model of another size is configured.
ALTER TABLE search_entry ADD COLUMN session_id VARCHAR(256);
ALTER TABLE search_entry ADD COLUMN session_pos INTEGER;
ALTER TABLE search_entry ADD COLUMN embedding vector(384);
ALTER TABLE search_entry ADD COLUMN embedding_model VARCHAR(128);
CREATE INDEX search_entry_session ON search_entry (store, namespace, session_id, session_pos);
CREATE INDEX search_entry_embedding ON search_entry USING hnsw (embedding vector_cosine_ops);

-- Reinforcement: a near-duplicate save confirms a learning instead of copying it.
ALTER TABLE learning ADD COLUMN confirmations INTEGER NOT NULL DEFAULT 1;
ALTER TABLE learning ADD COLUMN last_confirmed_at TIMESTAMPTZ;
UPDATE learning SET last_confirmed_at = created_at;
