package dev.lore.profile;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class ProfileRepository implements PanacheRepositoryBase<ProfileField, ProfileField.Key> {

    List<ProfileField> ofUser(String userId) {
        return list("userId", Sort.by("field"), userId);
    }
}
