package dev.lore.transfer;

/** Follows an export or an import record by record (the command line draws a bar on a terminal). */
public interface Progress {

    /** Follows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance() {
        }

        @Override
        public void finish() {
        }
    };

    /** A task of this many records begins. */
    void start(String task, long total);

    /** One record more is done. */
    void advance();

    /** The task is over. */
    void finish();
}
