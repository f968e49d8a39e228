package dev.lore.search;

import java.time.Duration;
import java.time.Instant;

/**
 * How established an indexed item is: how many saves confirmed it and when it was last saved or confirmed.
 *
 * @param confirmations how many saves confirmed the item (1: saved once)
 * @param lastConfirmedAt when it was last saved or confirmed
 */
record Standing(int confirmations, Instant lastConfirmedAt) {

    /** The factor a search multiplies the item's score by (1 when both weights are off). */
    double weight(SearchSettings settings, Instant now) {
        double weight = 1 + settings.confirmationWeight() * Math.log(Math.max(1, confirmations)) / Math.log(2);
        if (settings.recencyWeight() > 0) {
            double halfLives = Math.max(0, Duration.between(lastConfirmedAt, now).toMillis())
                    / (double) Math.max(1, settings.recencyHalfLife().toMillis());
            weight *= 1 + settings.recencyWeight() * Math.pow(0.5, halfLives);
        }
        return weight;
    }
}
