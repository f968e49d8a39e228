package dev.lore.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.lore.storage.JsonListConverter;
import dev.lore.storage.RecordId;
import dev.lore.store.Learned;

/**
 * A conversation handed over to be learned from: its turns wait here, in the store, until the background worker has
 * learned from them, so a handed-over conversation survives a restart and a failed attempt is tried again later.
 */
@Entity
@Table(name = "capture_job")
public class CaptureJob {

    public enum State {
        /** Waiting for the worker (again, after a failed attempt: not before {@code runAfter}). */
        QUEUED,
        /**
         * A worker ({@code claimedBy}) is learning from it now, until {@code runAfter} at the latest: past that lease its
         * worker is taken to be gone, and the job is claimed again.
         */
        RUNNING,
        /** Learned from; {@code learned} says what each store did. */
        DONE,
        /** Given up on after its last attempt; {@code error} says why. */
        FAILED
    }

    @Id
    @RecordId
    public String id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Convert(converter = Turns.class)
    @Column(nullable = false)
    public List<CapturedTurn> turns = new ArrayList<>();

    @Column(name = "turn_count", nullable = false)
    public int turnCount;

    /** How many of the turns were new to conversation memory, once they are kept (a retry starts from there). */
    @Column(name = "new_turns")
    public Integer newTurns;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "run_after", nullable = false)
    public Instant runAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The process learning from it while it runs: {@code host/pid@start} ({@link Worker}). */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Convert(converter = LearnedList.class)
    public List<Learned> learned = new ArrayList<>();

    public String error;

    @Converter
    static class Turns extends JsonListConverter<CapturedTurn> {
        Turns() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    static class LearnedList extends JsonListConverter<Learned> {
        LearnedList() {
            super(new TypeReference<>() {
            });
        }
    }
}
