package dev.lore.session;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.storage.KeyedWrites;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/** Session contexts as an export writes them; the newer state of a session (its last update) wins on import. */
@ApplicationScoped
class SessionRecords implements StoreRecords<SessionLine> {

    private static final List<String> KEYS = List.of("userId", "sessionId");

    private final SessionContextRepository sessions;
    private final KeyedWrites writes;
    private final Rows rows;

    SessionRecords(SessionContextRepository sessions, KeyedWrites writes, Rows rows) {
        this.sessions = sessions;
        this.writes = writes;
        this.rows = rows;
    }

    @Override
    public Class<SessionLine> type() {
        return SessionLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesPersonal()) {
            return List.of();
        }
        return rows.countBy(SessionContext.class, "userId", RecordFilter.OF_USERS, filter.userParameters())
                .entrySet().stream().map(count -> Tally.personal("session", count.getKey(), count.getValue())).toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<SessionLine> out) {
        if (filter.takesPersonal()) {
            rows.each(SessionContext.class, RecordFilter.OF_USERS, filter.userParameters(), KEYS,
                    context -> List.of(context.userId, context.sessionId),
                    context -> out.accept(SessionLine.of(context)));
        }
    }

    @Override
    public Restored restore(SessionLine line) {
        return writes.run(SessionService.writeKey(line.userId(), line.sessionId()), () -> {
            SessionContext stored = sessions.find(line.userId(), line.sessionId()).orElse(null);
            if (stored != null && !line.updatedAt().isAfter(stored.updatedAt)) {
                return Restored.UNCHANGED;
            }
            SessionContext restored = line.into(stored == null ? new SessionContext() : stored);
            if (stored == null) {
                sessions.persist(restored);
            }
            return stored == null ? Restored.ADDED : Restored.UPDATED;
        });
    }
}
