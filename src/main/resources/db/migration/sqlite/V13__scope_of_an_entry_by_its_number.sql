-- Keyword search checks the scope of every row that holds a word of the query, to weigh each word by its rarity in
-- the scope. Read from the entries' table, each check loads a row of about 2 KB (the text and its vector); this index
-- holds only what the check reads, by entry number, so the checks read a few small pages instead.
CREATE INDEX search_entry_scope_of_seq ON search_entry (seq, store, namespace, owner_id);
