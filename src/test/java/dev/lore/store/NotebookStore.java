package dev.lore.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.lore.identity.Caller;

/**
 * A learning store that exists only in the tests, as a team would add one: a CDI bean implementing the protocol, and
 * nothing else in Lore changed for it. It keeps notes per user in memory, and takes part in recall only for users whose
 * name starts with {@link #OWNERS}, so the other tests' recall blocks stay as they are.
 */
@ApplicationScoped
public class NotebookStore implements LearningStore<NotebookStore.Note> {

    static final String OWNERS = "notebook-";
    static final RecallSlot SLOT = new RecallSlot(450, 0.2);

    private final Map<String, List<String>> notes = new ConcurrentHashMap<>();

    /** One note, as extraction would hand it in. */
    public record Note(@NotBlank @Size(max = 200) String text) {
    }

    /** One note of one user, as an export writes it. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonTypeName("note")
    public record NoteLine(@NotBlank String user, @NotBlank @Size(max = 200) String text) {
    }

    @Override
    public String name() {
        return "notebook";
    }

    @Override
    public RecallSlot recallSlot() {
        return SLOT;
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        String user = request.caller().userId();
        if (!user.startsWith(OWNERS)) {
            return RecallPart.NONE;
        }
        return new RecallPart("## Notebook of " + user,
                notes.getOrDefault(user, List.of()).stream().map(note -> "- " + note).toList());
    }

    @Override
    public Class<Note> knowledgeType() {
        return Note.class;
    }

    @Override
    public List<Learned> learn(Caller caller, List<Note> knowledge) {
        List<String> kept = notes.computeIfAbsent(caller.userId(), user -> new CopyOnWriteArrayList<>());
        return knowledge.stream().map(note -> {
            kept.add(note.text().strip());
            return new Learned(name(), caller.userId() + "/" + kept.size(), Learned.Outcome.CREATED);
        }).toList();
    }

    @Override
    public StoreRecords<NoteLine> records() {
        return new StoreRecords<>() {
            @Override
            public Class<NoteLine> type() {
                return NoteLine.class;
            }

            @Override
            public List<Tally> tally(RecordFilter filter) {
                return notes.entrySet().stream().filter(user -> filter.takesPersonal()
                        && (filter.users().isEmpty() || filter.users().contains(user.getKey())))
                        .map(user -> Tally.personal("note", user.getKey(), user.getValue().size())).toList();
            }

            @Override
            public void export(RecordFilter filter, Consumer<NoteLine> out) {
                notes.forEach((user, texts) -> {
                    if (filter.takesPersonal() && (filter.users().isEmpty() || filter.users().contains(user))) {
                        texts.forEach(text -> out.accept(new NoteLine(user, text)));
                    }
                });
            }

            @Override
            public Restored restore(NoteLine line) {
                List<String> kept = notes.computeIfAbsent(line.user(), user -> new CopyOnWriteArrayList<>());
                if (kept.contains(line.text())) {
                    return Restored.UNCHANGED;
                }
                kept.add(line.text());
                return Restored.ADDED;
            }
        };
    }

    /** Forgets every note (a test that imports notes starts from none). */
    void clear() {
        notes.clear();
    }
}
