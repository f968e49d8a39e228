package dev.lore.profile;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.storage.KeyedWrites;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/**
 * Profiles as an export writes them: the fields as they stand, then the history of changes. On import the newer value
 * of a field wins, whether it comes as a field or as a change (a field removed after the store last changed it is
 * removed), and a change the history already holds is not added again.
 */
@ApplicationScoped
class ProfileRecords implements StoreRecords<ProfileLine> {

    private final ProfileRepository fields;
    private final ProfileChangeRepository changes;
    private final KeyedWrites writes;
    private final Rows rows;

    ProfileRecords(ProfileRepository fields, ProfileChangeRepository changes, KeyedWrites writes, Rows rows) {
        this.fields = fields;
        this.changes = changes;
        this.writes = writes;
        this.rows = rows;
    }

    @Override
    public Class<ProfileLine> type() {
        return ProfileLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesPersonal()) {
            return List.of();
        }
        return Stream.concat(
                rows.countBy(ProfileField.class, "userId", RecordFilter.OF_USERS, filter.userParameters()).entrySet()
                        .stream().map(count -> Tally.personal("field", count.getKey(), count.getValue())),
                rows.countBy(ProfileChange.class, "userId", RecordFilter.OF_USERS, filter.userParameters()).entrySet()
                        .stream().map(count -> Tally.personal("change", count.getKey(), count.getValue())))
                .toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<ProfileLine> out) {
        if (filter.takesPersonal()) {
            rows.each(ProfileField.class, RecordFilter.OF_USERS, filter.userParameters(), List.of("userId", "field"),
                    field -> List.of(field.userId, field.field), field -> out.accept(ProfileLine.Field.of(field)));
            rows.each(ProfileChange.class, RecordFilter.OF_USERS, filter.userParameters(), List.of("id"),
                    change -> List.of(change.id), change -> out.accept(ProfileLine.Change.of(change)));
        }
    }

    @Override
    public Restored restore(ProfileLine line) {
        if (line instanceof ProfileLine.Field field) {
            return writes.run(ProfileService.writeKey(field.userId()),
                    () -> set(field.userId(), field.field(), ProfileLine.stored(field.value()), field.updatedAt(),
                            field.agentId(), field.sessionId()));
        }
        ProfileChange change = ((ProfileLine.Change) line).toChange();
        return writes.run(ProfileService.writeKey(change.userId), () -> {
            if (changes.has(change)) {
                return Restored.UNCHANGED;
            }
            changes.persist(change);
            set(change.userId, change.field, change.newValue, change.changedAt, change.agentId, change.sessionId);
            return Restored.ADDED;
        });
    }

    /** Gives the field this value (none: removes it) unless the profile changed it at that time or later. */
    private Restored set(String userId, String name, String value, Instant at, String agentId, String sessionId) {
        ProfileField stored = fields.findById(new ProfileField.Key(userId, name));
        if (stored == null ? value == null : !at.isAfter(stored.updatedAt)) {
            return Restored.UNCHANGED;
        }
        if (value == null) {
            fields.delete(stored);
            return Restored.UPDATED;
        }
        ProfileField field = stored == null ? new ProfileField() : stored;
        field.userId = userId;
        field.field = name;
        field.value = value;
        field.updatedAt = at;
        field.agentId = agentId;
        field.sessionId = sessionId;
        if (stored == null) {
            fields.persist(field);
        }
        return stored == null ? Restored.ADDED : Restored.UPDATED;
    }
}
