package dev.lore.conversations;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.SearchEngine;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/**
 * Conversations and their turns, as an export writes them: each conversation before its turns. A forgotten
 * conversation stays forgotten: an import never brings its turns back, and its line forgets it where it is still kept.
 */
@ApplicationScoped
class ConversationRecords implements StoreRecords<ConversationLine> {

    private final ConversationRepository conversations;
    private final ConversationTurnRepository turns;
    private final SearchEngine search;
    private final Rows rows;

    ConversationRecords(ConversationRepository conversations, ConversationTurnRepository turns, SearchEngine search,
            Rows rows) {
        this.conversations = conversations;
        this.turns = turns;
        this.search = search;
        this.rows = rows;
    }

    @Override
    public Class<ConversationLine> type() {
        return ConversationLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesPersonal()) {
            return List.of();
        }
        return Stream.concat(
                rows.countBy(Conversation.class, "userId", RecordFilter.OF_USERS, filter.userParameters()).entrySet()
                        .stream().map(count -> Tally.personal("conversation", count.getKey(), count.getValue())),
                rows.countBy(ConversationTurn.class, "userId", RecordFilter.OF_USERS, filter.userParameters())
                        .entrySet().stream().map(count -> Tally.personal("turn", count.getKey(), count.getValue())))
                .toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<ConversationLine> out) {
        if (filter.takesPersonal()) {
            rows.each(Conversation.class, RecordFilter.OF_USERS, filter.userParameters(), Rows.BY_TIME,
                    read -> List.of(read.createdAt, read.id), read -> out.accept(ConversationLine.Read.of(read)));
            rows.each(ConversationTurn.class, RecordFilter.OF_USERS, filter.userParameters(), Rows.BY_TIME,
                    turn -> List.of(turn.createdAt, turn.id), turn -> out.accept(ConversationLine.Turn.of(turn)));
        }
    }

    @Override
    public Restored restore(ConversationLine line) {
        return line instanceof ConversationLine.Read read ? restore(read) : restore((ConversationLine.Turn) line);
    }

    private Restored restore(ConversationLine.Read line) {
        return search.write(ConversationService.scope(line.userId()), write -> {
            Conversation stored = conversations.of(line.userId(), line.conversationId()).orElse(null);
            if (stored != null && !line.updatedAt().isAfter(stored.updatedAt)) {
                return Restored.UNCHANGED;
            }
            if (line.forgottenAt() != null) {
                turns.of(line.userId(), line.conversationId()).forEach(turn -> {
                    write.forget(ConversationService.STORE, turn.id);
                    turns.delete(turn);
                });
            }
            if (stored == null) {
                conversations.persist(line.into(new Conversation()));
                return Restored.ADDED;
            }
            String id = stored.id; // the same conversation, kept under this store's id
            line.into(stored).id = id;
            return Restored.UPDATED;
        });
    }

    private Restored restore(ConversationLine.Turn line) {
        return search.write(ConversationService.scope(line.userId()), write -> {
            boolean forgotten = conversations.of(line.userId(), line.conversationId())
                    .map(conversation -> conversation.forgottenAt != null).orElse(false);
            if (forgotten) {
                return Restored.LEFT_OUT;
            }
            if (turns.findByIdOptional(line.id()).isPresent()
                    || turns.keysOf(line.userId(), line.conversationId()).contains(line.turnKey())) {
                return Restored.UNCHANGED; // a turn never changes once said
            }
            ConversationTurn restored = line.toTurn();
            turns.persist(restored);
            write.index(ConversationService.entryOf(restored));
            return Restored.ADDED;
        });
    }
}
