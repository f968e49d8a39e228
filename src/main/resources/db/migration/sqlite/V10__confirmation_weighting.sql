-- How established an item is, for search to weigh: how many saves confirmed it (a near-duplicate confirms the item
-- instead of adding a copy) and when a save last confirmed it (empty until one does: its creation counts). Adding the
-- columns rewrites no row; only entries whose store counted more than one confirmation are brought over.
ALTER TABLE search_entry ADD COLUMN confirmations INTEGER NOT NULL DEFAULT 1;
ALTER TABLE search_entry ADD COLUMN last_confirmed_at TIMESTAMP;
UPDATE search_entry SET confirmations = l.confirmations, last_confirmed_at = l.last_confirmed_at
FROM learning l WHERE search_entry.store = 'knowledge' AND l.id = search_entry.item_id AND l.confirmations > 1;
UPDATE search_entry SET confirmations = m.confirmations, last_confirmed_at = m.last_confirmed_at
FROM memory m WHERE search_entry.store = 'memory' AND m.id = search_entry.item_id AND m.confirmations > 1;
UPDATE search_entry SET confirmations = f.confirmations, last_confirmed_at = f.last_confirmed_at
FROM entity_fact f WHERE search_entry.store = 'entity_fact' AND f.id = search_entry.item_id AND f.confirmations > 1;
