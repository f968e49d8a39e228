package dev.lore.decisions;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class DecisionRepository implements PanacheRepositoryBase<Decision, String> {

    Optional<Decision> inNamespace(String id, String namespace) {
        return find("id = ?1 and namespace = ?2", id, namespace).firstResultOptional();
    }

    List<Decision> withIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The namespace's decisions made since a moment, newest first, of one agent or of all. */
    List<Decision> since(String namespace, String agentId, Instant since, int limit) {
        return find("namespace = :namespace and createdAt >= :since and (:agent is null or agentId = :agent)",
                Sort.descending("createdAt", "id"),
                Parameters.with("namespace", namespace).and("since", since).and("agent", agentId))
                .page(Page.ofSize(limit)).list();
    }
}
