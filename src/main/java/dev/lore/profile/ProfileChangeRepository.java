package dev.lore.profile;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class ProfileChangeRepository implements PanacheRepositoryBase<ProfileChange, Long> {

    /** Whether the history already holds this change: the same field, changed at the same time to the same value. */
    boolean has(ProfileChange change) {
        return change.newValue == null
                ? count("userId = ?1 and field = ?2 and changedAt = ?3 and newValue is null", change.userId,
                        change.field, change.changedAt) > 0
                : count("userId = ?1 and field = ?2 and changedAt = ?3 and newValue = ?4", change.userId,
                        change.field, change.changedAt, change.newValue) > 0;
    }

    List<ProfileChange> latest(String userId, int limit) {
        return find("userId", Sort.descending("id"), userId).page(Page.ofSize(limit)).list();
    }
}
