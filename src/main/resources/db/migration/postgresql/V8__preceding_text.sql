-- Keyword search also matches an entry by the text of the entry saved just before it in its session (by the same
-- owner), at half the weight of its own words: a reply is found by the words of the question it answers. Those
-- words carry weight C in the full-text vector, the entry's own words the default D.
--
-- Every row is written twice here (the text, then the full-text vector), so the indexes that are costly to keep up
-- row by row are dropped first and built once at the end; the vector index gets at least 1 GB for that one build
-- (at 1,000,000 entries the whole migration took 13 minutes on 2 cores, most of it the vector index).
SELECT set_config('maintenance_work_mem', '1GB', true)
WHERE (SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem') < 1024 * 1024;
DROP INDEX IF EXISTS search_entry_embedding;
DROP INDEX search_entry_tsv;
ALTER TABLE search_entry DROP COLUMN tsv;
ALTER TABLE search_entry ADD COLUMN preceding_text TEXT;

UPDATE search_entry e SET preceding_text = p.body
FROM search_entry p
WHERE p.store = e.store AND p.namespace = e.namespace
  AND p.session_id = e.session_id AND p.session_pos = e.session_pos - 1
  AND p.owner_id IS NOT DISTINCT FROM e.owner_id;

ALTER TABLE search_entry ADD COLUMN tsv TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('english', body || ' ' || coalesce(tag_text, ''))
        || setweight(to_tsvector('english', coalesce(preceding_text, '')), 'C')) STORED;
CREATE INDEX search_entry_tsv ON search_entry USING GIN (tsv);
CREATE INDEX search_entry_embedding ON search_entry USING hnsw (embedding vector_cosine_ops);
