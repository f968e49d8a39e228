package dev.lore.search.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import dev.lore.search.embedding.Passages;
import dev.lore.search.keyword.QueryTerms;

/**
 * How much an indexed item counts on its own, whatever the query: how many saves confirmed it, when it was last saved
 * or confirmed, and how much of it only asks. A question echoes the words of the searches about its subject without
 * answering them; the reply saved after it gets its share through its neighbour.
 *
 * @param confirmations how many saves confirmed the item (1: saved once)
 * @param lastConfirmedAt when it was last saved or confirmed
 * @param askingShare the share of the item's words that are in questions, from 0 to 1
 */
public record Standing(int confirmations, Instant lastConfirmedAt, double askingShare) {

    private static final Pattern CLOSING = Pattern.compile("[\\p{Pf}\\p{Pe}\"']+$");

    public static Standing of(int confirmations, Instant lastConfirmedAt, String text) {
        int words = 0;
        int asking = 0;
        for (String sentence : Passages.sentencesOf(text)) {
            int count = QueryTerms.words(sentence).size();
            words += count;
            if (CLOSING.matcher(sentence).replaceAll("").endsWith("?")) {
                asking += count;
            }
        }
        return new Standing(confirmations, lastConfirmedAt, words == 0 ? 0 : asking / (double) words);
    }

    /** The factor a search multiplies the item's score by (1 when every weight is off). */
    public double weight(SearchSettings settings, Instant now) {
        double weight = 1 + settings.confirmationWeight() * Math.log(Math.max(1, confirmations)) / Math.log(2);
        if (settings.recencyWeight() > 0) {
            double halfLives = Math.max(0, Duration.between(lastConfirmedAt, now).toMillis())
                    / (double) Math.max(1, settings.recencyHalfLife().toMillis());
            weight *= 1 + settings.recencyWeight() * Math.pow(0.5, halfLives);
        }
        return weight * (1 - settings.questionDiscount() * askingShare);
    }
}
