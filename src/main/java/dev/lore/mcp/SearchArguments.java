package dev.lore.mcp;

/** The limits every search tool shares: how long a question may be, and how many results it may ask for. */
public final class SearchArguments {

    public static final int QUERY_MAX = 1000;
    public static final int LIMIT_MAX = 50;
    /** Listing tools (newest first) may ask for more at once than searches. */
    public static final int LIST_LIMIT_MAX = 100;

    private SearchArguments() {
    }
}
