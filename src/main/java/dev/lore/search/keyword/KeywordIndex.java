package dev.lore.search.keyword;

import dev.lore.search.SearchScope;

/** Full-text retrieval over the indexed entries: SQLite FTS5 on the local flavor, tsvector on the team flavor. */
public interface KeywordIndex {

    /**
     * How many rows ranking may read: the most common words of a query are left out until the rows holding the rest
     * stay within it. Common words weigh little in a rank anyway, and the semantic side still sees them.
     */
    int RANKED_ROWS = 2_000;

    /** The best matches for the query's keywords within the scope, best first, and what a full match would score. */
    KeywordMatches search(SearchScope scope, QueryTerms terms, int limit);
}
