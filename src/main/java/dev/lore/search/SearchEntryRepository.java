package dev.lore.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SearchEntryRepository implements PanacheRepositoryBase<SearchEntry, Long> {

    Optional<SearchEntry> findItem(String store, String itemId) {
        return find("store = ?1 and itemId = ?2", store, itemId).firstResultOptional();
    }

    /** The entry saved last in this session, whose position the next one follows. */
    Optional<SearchEntry> lastInSession(String store, String namespace, String sessionId) {
        return find("store = ?1 and namespace = ?2 and sessionId = ?3 and sessionPos is not null "
                + "order by sessionPos desc", store, namespace, sessionId).firstResultOptional();
    }

    /**
     * Points the entry saved after this one in its session, by the same owner, at the text this one now says
     * ({@code null}: none).
     */
    void precedingTextChanged(SearchEntry entry, String text) {
        if (entry.sessionId == null || entry.sessionPos == null) {
            return;
        }
        find("store = ?1 and namespace = ?2 and sessionId = ?3 and sessionPos = ?4", entry.store, entry.namespace,
                entry.sessionId, entry.sessionPos + 1).stream()
                .filter(next -> next.sameOwnerAs(entry))
                .forEach(next -> update("precedingText = ?1 where seq = ?2", text, next.seq));
    }

    /** The entries of the scope saved within {@code window} positions of the given ones, in their sessions. */
    List<Entry> neighbours(SearchScope scope, Collection<Entry> around, int window) {
        List<Entry> anchors = around.stream().filter(a -> a.sessionId() != null && a.sessionPos() > 0).toList();
        if (anchors.isEmpty()) {
            return List.of();
        }
        CriteriaBuilder cb = getEntityManager().getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<SearchEntry> e = query.from(SearchEntry.class);
        List<Predicate> where = new ArrayList<>(List.of(
                cb.equal(e.get("store"), scope.store()),
                cb.equal(e.get("namespace"), scope.namespace()),
                e.get("sessionId").in(anchors.stream().map(Entry::sessionId).distinct().toList()),
                cb.between(e.get("sessionPos"), anchors.stream().mapToInt(Entry::sessionPos).min().orElseThrow() - window,
                        anchors.stream().mapToInt(Entry::sessionPos).max().orElseThrow() + window)));
        if (scope.ownerId() != null) {
            where.add(cb.equal(e.get("ownerId"), scope.ownerId()));
        }
        for (String tag : scope.tags()) {
            where.add(cb.isMember(tag, e.get("tags")));
        }
        query.multiselect(e.get("seq"), e.get("itemId"), e.get("sessionId"), e.get("sessionPos"))
                .where(where.toArray(Predicate[]::new));
        return getEntityManager().createQuery(query).getResultList().stream()
                .map(t -> new Entry(t.get(0, Long.class), t.get(1, String.class), t.get(2, String.class),
                        t.get(3, Integer.class)))
                .filter(candidate -> anchors.stream().anyMatch(a -> a.sessionId().equals(candidate.sessionId())
                        && Math.abs(a.sessionPos() - candidate.sessionPos()) <= window))
                .toList();
    }

    /**
     * The text of entries whose vector is missing or was made by another model, or that lack passage vectors, by seq,
     * oldest first.
     */
    Map<Long, String> withStaleVectors(String model, int limit) {
        Map<Long, String> texts = new LinkedHashMap<>();
        getEntityManager().createQuery("""
                select e.seq, e.body from SearchEntry e
                where e.embeddingModel is null or e.embeddingModel <> ?1 or e.passages is null
                order by e.seq""", Tuple.class)
                .setParameter(1, model)
                .setMaxResults(limit)
                .getResultList()
                .forEach(t -> texts.put(t.get(0, Long.class), t.get(1, String.class)));
        return texts;
    }

    /** The tags of these entries. */
    Map<Long, Set<String>> tagsOf(Collection<Long> seqs) {
        Map<Long, Set<String>> tags = new HashMap<>();
        if (seqs.isEmpty()) {
            return tags;
        }
        getEntityManager().createQuery("select e.seq, t from SearchEntry e join e.tags t where e.seq in ?1", Tuple.class)
                .setParameter(1, seqs)
                .getResultList()
                .forEach(t -> tags.computeIfAbsent(t.get(0, Long.class), s -> new LinkedHashSet<>()).add(t.get(1, String.class)));
        return tags;
    }

    /** How much these entries count on their own. */
    Map<Long, Standing> standingsOf(Collection<Long> seqs) {
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
