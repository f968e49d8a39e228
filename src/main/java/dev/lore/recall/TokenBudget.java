package dev.lore.recall;

/**
 * Room left for context, in tokens, estimated as one token per four characters (the usual rate for English with
 * the tokenizers of current models; close enough to keep a block within an agent's limit).
 */
final class TokenBudget {

    private int left;
    private final TokenBudget whole;

    TokenBudget(int tokens) {
        this(tokens, null);
    }

    private TokenBudget(int tokens, TokenBudget whole) {
        this.left = tokens;
        this.whole = whole;
    }

    static int estimate(String text) {
        return (text.length() + 3) / 4;
    }

    /** A part of this budget: what it takes, it takes from both, and it takes no more than {@code tokens}. */
    TokenBudget share(int tokens) {
        return new TokenBudget(tokens, this);
    }

    /** Takes the room for the text if there is enough; says whether it did. */
    boolean take(String text) {
        int cost = estimate(text);
        if (cost > left || whole != null && cost > whole.left) {
            return false;
        }
        left -= cost;
        if (whole != null) {
            whole.left -= cost;
        }
        return true;
    }
}
