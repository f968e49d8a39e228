-- Passage vectors: each sentence of an item's text (under its heading) gets a vector of its own beside the whole
-- text's, and a search ranks an item by the mean of its text's similarity and its best passage's. `passages` counts
-- an entry's passage vectors; it stays empty for entries embedded before this version, which `lore reembed` fills in.
ALTER TABLE search_entry ADD COLUMN passages INTEGER;

CREATE TABLE search_passage (
    entry_seq INTEGER NOT NULL REFERENCES search_entry (seq) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    embedding BLOB    NOT NULL,
    PRIMARY KEY (entry_seq, position)
) WITHOUT ROWID;
