package dev.lore.memory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class MemoryRepository implements PanacheRepositoryBase<Memory, String> {

    Optional<Memory> ofUser(String id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    List<Memory> withIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    private static final String WITH_TOPIC = """
            SELECT * FROM memory WHERE user_id = :user AND topics LIKE :topic ESCAPE '!'
            ORDER BY created_at DESC, id DESC LIMIT :limit
            """;

    /** The user's memories, newest first; with a topic, only those about it (topics are stored as a JSON list). */
    @SuppressWarnings("unchecked")
    List<Memory> latest(String userId, String topic, int limit) {
        if (topic == null) {
            return find("userId", Sort.descending("createdAt", "id"), userId).page(Page.ofSize(limit)).list();
        }
        return getEntityManager().createNativeQuery(WITH_TOPIC, Memory.class)
                .setParameter("user", userId)
                .setParameter("topic", "%\"" + likeLiteral(topic) + "\"%")
                .setParameter("limit", limit)
                .getResultList();
    }

    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
