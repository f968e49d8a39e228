package dev.lore.recall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the recall context lets in. */
@ConfigMapping(prefix = "lore.recall")
public interface RecallSettings {

    /**
     * How close in meaning an item that shares no word with the query must be to enter the context: a search ranks
     * whatever the namespace holds, and the nearest of unrelated items is still unrelated.
     */
    @WithDefault("0.6")
    double minSimilarity();
}
