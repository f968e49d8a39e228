package dev.lore.review;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class ProposalRepository implements PanacheRepositoryBase<Proposal, String> {

    /**
     * The proposals in one state that a user may see (shared ones and the user's own personal ones), oldest first, of
     * the given namespaces or, when {@code null}, of all.
     */
    List<Proposal> inState(Proposal.State state, String userId, Collection<String> namespaces, int limit) {
        Sort oldestFirst = Sort.ascending("createdAt", "id");
        String visible = "state = ?1 and (ownerId is null or ownerId = ?2)";
        return (namespaces == null ? find(visible, oldestFirst, state, userId)
                : find(visible + " and namespace in ?3", oldestFirst, state, userId, namespaces))
                .page(Page.ofSize(limit)).list();
    }

    Map<String, Long> pendingPerStore() {
        Map<String, Long> counts = new LinkedHashMap<>();
        getEntityManager().createQuery("select p.store, count(p) from Proposal p where p.state = :state "
                + "group by p.store order by p.store", Object[].class).setParameter("state", Proposal.State.PENDING)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
