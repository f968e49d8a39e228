package dev.lore.conversations;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class ConversationTurnRepository implements PanacheRepositoryBase<ConversationTurn, String> {

    List<ConversationTurn> withIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The keys of the turns kept of a conversation. */
    Set<String> keysOf(String userId, String conversationId) {
        return new HashSet<>(getEntityManager().createQuery("select t.turnKey from ConversationTurn t"
                + " where t.userId = :user and t.conversationId = :conversation", String.class)
                .setParameter("user", userId).setParameter("conversation", conversationId).getResultList());
    }

    List<ConversationTurn> of(String userId, String conversationId) {
        return list("userId = ?1 and conversationId = ?2", Sort.ascending("position", "id"), userId, conversationId);
    }
}
