package dev.lore.knowledge;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class LearningRepository implements PanacheRepositoryBase<Learning, String> {

    List<Learning> withIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    List<Learning> recent(String namespace, int limit) {
        return find("namespace", Sort.descending("createdAt", "id"), namespace).page(Page.ofSize(limit)).list();
    }
}
