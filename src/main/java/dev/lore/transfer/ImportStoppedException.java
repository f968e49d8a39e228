package dev.lore.transfer;

/** An import stopped by a record the store could not take (the database went away, a disk filled up). */
public class ImportStoppedException extends RuntimeException {

    ImportStoppedException(long line, RuntimeException cause) {
        super("stopped at line " + line, cause);
    }
}
