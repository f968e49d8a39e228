package dev.lore.search.entries;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;

import dev.lore.search.SearchScope;
import dev.lore.search.ranking.Standing;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SearchEntryRepository implements PanacheRepositoryBase<SearchEntry, Long> {

    /**
     * The scope's entries of some sessions at some positions, in plain SQL with the scope filter the other searches
     * use (as a criteria query, Hibernate translated it again at every search). The positions are those around the
     * anchors, not the range between the first and the last: an agent that keeps one session for everything makes
     * sessions of many thousands of items, and reading such a range made every search read most of them.
     */
    private static final String NEIGHBOURS = """
            SELECT e.seq, e.item_id, e.session_id, e.session_pos FROM search_entry e
            WHERE e.session_id IN (:sessions) AND e.session_pos IN (:positions) AND
            """ + ScopeFilter.FILTER;

    /**
     * The tags of a search's contenders, in plain SQL: as a query of the model joining the tag collection, Hibernate
     * made it several times slower.
     */
    private static final String TAGS = "SELECT t.entry_seq, t.tag FROM search_entry_tag t WHERE t.entry_seq IN (:seqs)";

    public Optional<SearchEntry> findItem(String store, String itemId) {
        return find("store = ?1 and itemId = ?2", store, itemId).firstResultOptional();
    }

    /** The entry saved last in this session, whose position the next one follows. */
    public Optional<SearchEntry> lastInSession(String store, String namespace, String sessionId) {
        return find("store = ?1 and namespace = ?2 and sessionId = ?3 and sessionPos is not null "
                + "order by sessionPos desc", store, namespace, sessionId).firstResultOptional();
    }

    /**
     * Points the entry saved after this one in its session, by the same owner, at the text this one now says
     * ({@code null}: none).
     */
    public void precedingTextChanged(SearchEntry entry, String text) {
        if (entry.sessionId == null || entry.sessionPos == null) {
            return;
        }
        find("store = ?1 and namespace = ?2 and sessionId = ?3 and sessionPos = ?4", entry.store, entry.namespace,
                entry.sessionId, entry.sessionPos + 1).stream()
                .filter(next -> next.sameOwnerAs(entry))
                .forEach(next -> update("precedingText = ?1 where seq = ?2", text, next.seq));
    }

    /** The entries of the scope saved within {@code window} positions of the given ones, in their sessions. */
    public List<Entry> neighbours(SearchScope scope, Collection<Entry> around, int window) {
        List<Entry> anchors = around.stream().filter(a -> a.sessionId() != null && a.sessionPos() > 0).toList();
        if (anchors.isEmpty()) {
            return List.of();
        }
        List<?> rows = ScopeFilter.bind(getEntityManager().createNativeQuery(NEIGHBOURS), scope)
                .setParameter("sessions", anchors.stream().map(Entry::sessionId).distinct().toList())
                .setParameter("positions", anchors.stream()
                        .flatMap(a -> IntStream.rangeClosed(a.sessionPos() - window, a.sessionPos() + window).boxed())
                        .distinct().toList())
                .getResultList();
        return rows.stream().map(row -> Entry.of((Object[]) row))
                .filter(candidate -> anchors.stream().anyMatch(a -> a.sessionId().equals(candidate.sessionId())
                        && Math.abs(a.sessionPos() - candidate.sessionPos()) <= window))
                .toList();
    }

    /**
     * The text of entries whose vector is missing or was made by another model, or that lack passage vectors, by seq,
     * oldest first.
     */
    public Map<Long, String> withStaleVectors(String model, int limit) {
        return textsBySeq(getEntityManager().createQuery("""
                select e.seq, e.body from SearchEntry e
                where e.embeddingModel is null or e.embeddingModel <> ?1 or e.passages is null
                order by e.seq""", Tuple.class).setParameter(1, model), limit);
    }

    /**
     * The text of entries that have no vector at all (saved while the model failed), by seq, from the one after
     * {@code afterSeq}, oldest first.
     */
    public Map<Long, String> withoutVectors(long afterSeq, int limit) {
        return textsBySeq(getEntityManager().createQuery("""
                select e.seq, e.body from SearchEntry e
                where e.embeddingModel is null and e.seq > ?1
                order by e.seq""", Tuple.class).setParameter(1, afterSeq), limit);
    }

    private static Map<Long, String> textsBySeq(TypedQuery<Tuple> seqAndBody, int limit) {
        Map<Long, String> texts = new LinkedHashMap<>();
        seqAndBody.setMaxResults(limit).getResultList()
                .forEach(t -> texts.put(t.get(0, Long.class), t.get(1, String.class)));
        return texts;
    }

    /** How many entries have no vector at all. */
    public long countWithoutVectors() {
        return count("embeddingModel is null");
    }

    /** How many entries {@link #withStaleVectors} would give, all told. */
    public long countWithStaleVectors(String model) {
        return count("embeddingModel is null or embeddingModel <> ?1 or passages is null", model);
    }

    /** The tags of these entries. */
    public Map<Long, Set<String>> tagsOf(Collection<Long> seqs) {
        Map<Long, Set<String>> tags = new HashMap<>();
        if (seqs.isEmpty()) {
            return tags;
        }
        for (Object row : getEntityManager().createNativeQuery(TAGS).setParameter("seqs", seqs).getResultList()) {
            Object[] columns = (Object[]) row;
            tags.computeIfAbsent(((Number) columns[0]).longValue(), seq -> new LinkedHashSet<>())
                    .add((String) columns[1]);
        }
        return tags;
    }

    /** How much these entries count on their own. */
    public Map<Long, Standing> standingsOf(Collection<Long> seqs) {
        Map<Long, Standing> standings = new HashMap<>();
        if (seqs.isEmpty()) {
            return standings;
        }
        getEntityManager().createQuery("""
                select e.seq, e.confirmations, coalesce(e.lastConfirmedAt, e.createdAt), e.body
                from SearchEntry e where e.seq in ?1""", Tuple.class)
                .setParameter(1, seqs)
                .getResultList()
                .forEach(t -> standings.put(t.get(0, Long.class),
                        Standing.of(t.get(1, Integer.class), t.get(2, Instant.class), t.get(3, String.class))));
        return standings;
    }
}
