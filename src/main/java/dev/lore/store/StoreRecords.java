package dev.lore.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * A store's records as {@code lore export} writes them and {@code lore import} puts them back: every row the store
 * keeps, with its id, its history and who saved it, one JSON object per record, so that a store moves whole from one
 * Lore to another (a local store into a team one) and importing the same export twice changes nothing. What search
 * keeps of a record is not exported: the store indexes what it puts back.
 *
 * @param <R> one exported record: a JSON object whose {@code kind} names what it is, and whose fields are named in
 *        snake case; its constraints are checked before anything is imported
 */
public interface StoreRecords<R> {

    /** The type an exported record is read back into. */
    Class<R> type();

    /** How many records of each kind the filter takes, by namespace or user. */
    List<Tally> tally(RecordFilter filter);

    /**
     * Hands the records the filter takes to {@code out}, oldest first, and the ones others refer to before them (an
     * entity before its facts); the store reads them a page at a time.
     */
    void export(RecordFilter filter, Consumer<R> out);

    /**
     * Puts back one exported record, with its id. A record the store already has is left as it is unless the exported
     * one is newer; a record the store holds under another id (an entity of the same name) is merged into it.
     */
    Restored restore(R record);
}
