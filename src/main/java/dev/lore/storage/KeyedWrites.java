package dev.lore.storage;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes that read what they change (a duplicate check before a save, a note appended to a list, a profile field's
 * old value kept in its history) run here, each in a transaction of its own that holds its key before it reads
 * anything: writes under the same key follow one another, each seeing what the one before it committed, whether they
 * come through one Lore or several sharing the store.
 */
@ApplicationScoped
public class KeyedWrites {

    private final WriteLock lock;

    KeyedWrites(WriteLock lock) {
        this.lock = lock;
    }

    public <T> T run(String key, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            lock.holdUntilCommit(key);
            return work.get();
        });
    }
}
