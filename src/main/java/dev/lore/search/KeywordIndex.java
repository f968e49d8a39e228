package dev.lore.search;

/** Full-text retrieval over the indexed entries: SQLite FTS5 on the local flavor, tsvector on the team flavor. */
public interface KeywordIndex {

    /** Completes what the index needs of a newly written entry, in the caller's transaction. */
    void write(long seq, IndexEntry item);

    /** The best matches for the query's keywords within the scope, best first, and what a full match would score. */
    KeywordMatches search(SearchScope scope, QueryTerms terms, int limit);
}
