package dev.lore.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.Valid;
import jakarta.validation.ValidationException;

import dev.lore.identity.Caller;
import dev.lore.storage.KeyedWrites;

/** Session Context: per user and session, what they are doing now. */
@ApplicationScoped
@ActivateRequestContext
public class SessionService {

    /** Progress keeps its latest notes; older ones drop off. */
    static final int PROGRESS_KEPT = 200;

    private final SessionContextRepository sessions;
    private final KeyedWrites writes;

    SessionService(SessionContextRepository sessions, KeyedWrites writes) {
        this.sessions = sessions;
        this.writes = writes;
    }

    public Optional<SessionContext> get(String userId, String sessionId) {
        return sessions.find(userId, sessionId);
    }

    /** Applies the changes; agents updating one session at once each build on what the one before them committed. */
    public SessionContext update(Caller caller, @Valid SessionChanges changes) {
        if (changes.isEmpty()) {
            throw new ValidationException("give at least one of summary, goals, plan, progress or open_questions");
        }
        return writes.run(writeKey(caller.userId(), caller.sessionId()), () -> apply(caller, changes));
    }

    private SessionContext apply(Caller caller, SessionChanges changes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SessionContext context = sessions.find(caller.userId(), caller.sessionId()).orElseGet(() -> {
            SessionContext created = new SessionContext();
            created.userId = caller.userId();
            created.sessionId = caller.sessionId();
            created.createdAt = now;
            return created;
        });
        if (changes.summary() != null) {
            context.summary = changes.summary().isBlank() ? null : changes.summary().strip();
        }
        if (changes.goals() != null) {
            context.goals = stripped(changes.goals());
        }
        if (changes.plan() != null) {
            context.plan = changes.plan().stream().map(s -> new PlanStep(s.step().strip(), s.state())).toList();
        }
        if (changes.openQuestions() != null) {
            context.openQuestions = stripped(changes.openQuestions());
        }
        if (changes.progress() != null) {
            List<ProgressNote> progress = new ArrayList<>(context.progress);
            stripped(changes.progress()).forEach(note -> progress.add(new ProgressNote(now.toString(), note,
                    caller.agentId())));
            context.progress = List.copyOf(progress.subList(Math.max(0, progress.size() - PROGRESS_KEPT),
                    progress.size()));
        }
        context.agentId = caller.agentId();
        context.updatedAt = now;
        if (!sessions.isPersistent(context)) {
            sessions.persist(context);
        }
        return context;
    }

    /** What a write to a session's context holds: one session's writes follow one another. */
    static String writeKey(String userId, String sessionId) {
        return String.join("/", "session", userId, sessionId);
    }

    private static List<String> stripped(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
