package dev.lore.recall;

/**
 * Room left for context, in tokens, estimated as one token per four characters (the usual rate for English with
 * the tokenizers of current models; close enough to keep a block within an agent's limit).
 */
final class TokenBudget {

    private int left;

    TokenBudget(int tokens) {
        this.left = tokens;
    }

    static int estimate(String text) {
        return (text.length() + 3) / 4;
    }

    /** Takes the room for the text if there is enough; says whether it did. */
    boolean take(String text) {
        int cost = estimate(text);
        if (cost > left) {
            return false;
        }
        left -= cost;
        return true;
    }
}
