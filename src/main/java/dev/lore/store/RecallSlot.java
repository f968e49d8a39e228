package dev.lore.store;

/**
 * Where a store's part stands in the recall context and how much of it the part may fill.
 *
 * @param order parts come in increasing order (the built-in stores use 100 to 600, a step of 100 apart)
 * @param share the largest share of the whole budget the part may take, from 0 to 1 (it also never takes more than
 *        what the parts before it left)
 */
public record RecallSlot(int order, double share) {

    public RecallSlot {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("a recall share lies in (0, 1], not " + share);
        }
    }
}
