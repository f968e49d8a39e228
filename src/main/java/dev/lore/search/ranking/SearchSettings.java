package dev.lore.search.ranking;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the engine weighs its evidence. The defaults were measured on LoCoMo and on insight/question pairs. A value out
 * of its range stops Lore at start with a message naming the setting and its limit: a share above 1 or a negative
 * weight would turn scores upside down without a word.
 */
@ConfigMapping(prefix = "lore.search")
public interface SearchSettings {

    /** Share of the keyword score in the fused score; the rest is the semantic score. */
    @WithDefault("0.5")
    @DecimalMin("0")
    @DecimalMax("1")
    double keywordWeight();

    /**
     * Share of a full match of the query's words (each word once, weighed by its rarity) that the best keyword match
     * must reach for keyword scores to count in full; below it they count less, with the cube of the shortfall. 0
     * turns it off.
     */
    @WithDefault("0.35")
    @DecimalMin("0")
    @DecimalMax("1")
    double keywordCoverage();

    /** Share of a hit's score lent to the items saved just before and after it in the same session. */
    @WithDefault("0.45")
    @DecimalMin("0")
    @DecimalMax("1")
    double neighbourShare();

    /** How many items on each side of a hit, in its session, receive a share (at 10, a tenth of it or less). */
    @WithDefault("2")
    @Min(0)
    @Max(10)
    int neighbourWindow();

    /** Extra weight for an item carrying a tag that the query names. */
    @WithDefault("0.3")
    @DecimalMin("0")
    double tagBoost();

    /**
     * Extra weight for items that saves confirmed again (near-duplicates): this share more per doubling of the
     * confirmations, so an item confirmed four times counts 1 + 2 × this. 0 turns it off.
     */
    @WithDefault("0.1")
    @DecimalMin("0")
    double confirmationWeight();

    /**
     * Extra weight for items saved or confirmed recently: this share more for one confirmed just now, halving with
     * every {@link #recencyHalfLife()} of age. 0 (the default) turns it off: an old learning is not a worse one.
     */
    @WithDefault("0")
    @DecimalMin("0")
    double recencyWeight();

    /** The age at which the recency weight is down to half. */
    @WithDefault("30d")
    Duration recencyHalfLife();

    /**
     * Share of its weight an item loses for asking rather than stating: an item that is all questions weighs this
     * much less, one that asks in part in proportion to its words in questions. 0 turns it off.
     */
    @WithDefault("0.4")
    @DecimalMin("0")
    @DecimalMax("1")
    double questionDiscount();

    /**
     * Cosine similarity from which a save in the same scope counts as the same item. Set for bge-small-en-v1.5 so
     * that only close rewordings merge, never a near-miss (learnings differing in one key word score as high as some
     * rewordings; a missed merge leaves a copy, a wrong one would lose a fact: see docs/retrieval.md, "Duplicate
     * threshold"). Above 1, every save stays apart.
     */
    @WithDefault("0.965")
    @DecimalMin("0")
    double duplicateSimilarity();
}
