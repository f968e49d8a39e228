package dev.lore.profile;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class ProfileChangeRepository implements PanacheRepositoryBase<ProfileChange, Long> {

    List<ProfileChange> latest(String userId, int limit) {
        return find("userId", Sort.descending("id"), userId).page(Page.ofSize(limit)).list();
    }
}
