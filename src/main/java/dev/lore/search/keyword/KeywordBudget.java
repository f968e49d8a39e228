package dev.lore.search.keyword;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Which words of a query a keyword index ranks: ranking reads every row that holds one of them, so the most common
 * are left out until the rows stay within a budget. Common words weigh little in a rank anyway, and the semantic side
 * still sees them.
 */
final class KeywordBudget {

    private KeywordBudget() {
    }

    /** The words to rank: the rarest first, as long as the rows they match stay within the budget. */
    static List<String> rarestWithin(List<String> words, ToDoubleFunction<String> rowsHolding, double budget) {
        List<String> byRarity = new ArrayList<>(words);
        byRarity.sort(Comparator.comparingDouble(rowsHolding));
        List<String> kept = new ArrayList<>();
        double rows = 0;
        for (String word : byRarity) {
            rows += rowsHolding.applyAsDouble(word);
            if (rows > budget) {
                break;
            }
            kept.add(word);
        }
        return kept;
    }
}
