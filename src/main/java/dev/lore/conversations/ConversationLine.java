package dev.lore.conversations;

import java.time.Instant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.capture.CapturedTurn;
import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A line of conversation memory as {@code lore export} writes it: a conversation, or one of its turns. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = ConversationLine.Read.class, name = "conversation"),
        @JsonSubTypes.Type(value = ConversationLine.Turn.class, name = "turn") })
public sealed interface ConversationLine {

    /** A conversation Lore read: how many turns it keeps, and when the user had it forgotten. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Read(
            @NotBlank @Size(max = 36) String id,
            @NotNull @UserId String userId,
            @NotNull @SessionId String conversationId,
            @NotBlank @Size(max = 128) String agentId,
            @Min(0) int turnsKept,
            @NotNull Instant createdAt,
            @NotNull Instant updatedAt,
            Instant forgottenAt) implements ConversationLine {

        static Read of(Conversation conversation) {
            return new Read(conversation.id, conversation.userId, conversation.conversationId, conversation.agentId,
                    conversation.turnsKept, conversation.createdAt, conversation.updatedAt, conversation.forgottenAt);
        }

        Conversation into(Conversation conversation) {
            conversation.id = id;
            conversation.userId = userId;
            conversation.conversationId = conversationId;
            conversation.agentId = agentId;
            conversation.turnsKept = turnsKept;
            conversation.createdAt = createdAt;
            conversation.updatedAt = updatedAt;
            conversation.forgottenAt = forgottenAt;
            return conversation;
        }
    }

    /** A turn, as it was said. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Turn(
            @NotBlank @Size(max = 36) String id,
            @NotNull @UserId String userId,
            @NotNull @SessionId String conversationId,
            @NotBlank @Size(max = CapturedTurn.KEY_MAX) String turnKey,
            @Min(0) int position,
            @NotBlank @Pattern(regexp = "user|assistant", message = "must be user or assistant") String role,
            @NotBlank String body,
            @NotNull Instant occurredAt,
            @NotNull Instant createdAt) implements ConversationLine {

        static Turn of(ConversationTurn turn) {
            return new Turn(turn.id, turn.userId, turn.conversationId, turn.turnKey, turn.position, turn.role,
                    turn.body, turn.occurredAt, turn.createdAt);
        }

        ConversationTurn toTurn() {
            ConversationTurn turn = new ConversationTurn();
            turn.id = id;
            turn.userId = userId;
            turn.conversationId = conversationId;
            turn.turnKey = turnKey;
            turn.position = position;
            turn.role = role;
            turn.body = body;
            turn.occurredAt = occurredAt;
            turn.createdAt = createdAt;
            return turn;
        }
    }
}
