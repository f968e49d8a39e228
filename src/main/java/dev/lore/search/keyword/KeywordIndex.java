package dev.lore.search.keyword;

import dev.lore.search.SearchScope;

/** Full-text retrieval over the indexed entries: SQLite FTS5 on the local flavor, tsvector on the team flavor. */
public interface KeywordIndex {

    /** The best matches for the query's keywords within the scope, best first, and what a full match would score. */
    KeywordMatches search(SearchScope scope, QueryTerms terms, int limit);
}
