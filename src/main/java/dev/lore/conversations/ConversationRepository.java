package dev.lore.conversations;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class ConversationRepository implements PanacheRepositoryBase<Conversation, String> {

    Optional<Conversation> of(String userId, String conversationId) {
        return find("userId = ?1 and conversationId = ?2", userId, conversationId).firstResultOptional();
    }
}
