package dev.lore.entities;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.identity.NamespaceName;
import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A line of Entity Memory as {@code lore export} writes it: an entity with its names, a fact about one, or a relation
 * between two. Facts and relations name their entities as well as giving their ids, so that an import into a store
 * that knows an entity under another id attaches them to it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = EntityLine.Entity.class, name = "entity"),
        @JsonSubTypes.Type(value = EntityLine.Fact.class, name = "fact"),
        @JsonSubTypes.Type(value = EntityLine.Relation.class, name = "relation") })
public sealed interface EntityLine {

    /** An entity: its name, type and every name it answers to (its name among them). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Entity(
            @NotBlank @Size(max = 36) String id,
            @NotNull @NamespaceName String namespace,
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) String name,
            @Size(max = 50) String type,
            @NotNull List<@NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String> aliases,
            @NotNull Instant createdAt,
            @NotNull Instant updatedAt) implements EntityLine {

        static Entity of(KnownEntity entity, List<EntityAlias> aliases) {
            return new Entity(entity.id, entity.namespace, entity.name, entity.type,
                    aliases.stream().map(alias -> alias.alias).toList(), entity.createdAt, entity.updatedAt);
        }
    }

    /** A fact about an entity, current or superseded (and by which fact), its standing and who saved it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Fact(
            @NotBlank @Size(max = 36) String id,
            @NotNull @NamespaceName String namespace,
            @NotBlank @Size(max = 36) String entityId,
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String entity,
            @NotBlank String fact,
            @Size(max = 64) String attribute,
            @NotNull @Pattern(regexp = EntityFact.CURRENT + "|" + EntityFact.SUPERSEDED) String status,
            @Size(max = 36) String supersededBy,
            Instant supersededAt,
            @Min(1) int confirmations,
            @NotNull @UserId String userId,
            @NotBlank @Size(max = 128) String agentId,
            @SessionId String sessionId,
            @NotNull Instant createdAt,
            @NotNull Instant lastConfirmedAt) implements EntityLine {

        static Fact of(EntityFact fact, String entityName) {
            return new Fact(fact.id, fact.namespace, fact.entityId, entityName, fact.fact, fact.attribute, fact.status,
                    fact.supersededBy, fact.supersededAt, fact.confirmations, fact.userId, fact.agentId,
                    fact.sessionId, fact.createdAt, fact.lastConfirmedAt);
        }

        /** The fact as a new record of the entity it resolved to. */
        EntityFact toFact(String resolvedEntityId) {
            EntityFact saved = new EntityFact();
            saved.id = id;
            saved.entityId = resolvedEntityId;
            saved.namespace = namespace;
            saved.fact = fact;
            saved.attribute = attribute;
            saved.userId = userId;
            saved.agentId = agentId;
            saved.sessionId = sessionId;
            saved.createdAt = createdAt;
            return withStandingInto(saved);
        }

        /** Writes what changes in a fact after it is saved: whether it is current, and its standing. */
        EntityFact withStandingInto(EntityFact saved) {
            saved.status = status;
            saved.supersededBy = supersededBy;
            saved.supersededAt = supersededAt;
            saved.confirmations = confirmations;
            saved.lastConfirmedAt = lastConfirmedAt;
            return saved;
        }
    }

    /** A relation from one entity to another, and who made it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Relation(
            @NotBlank @Size(max = 36) String id,
            @NotNull @NamespaceName String namespace,
            @NotBlank @Size(max = 36) String fromId,
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String from,
            @NotBlank @Size(max = NewRelation.RELATION_MAX) @HasLetterOrDigit String relation,
            @NotBlank @Size(max = 36) String toId,
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String to,
            @NotNull @UserId String userId,
            @NotBlank @Size(max = 128) String agentId,
            @NotNull Instant createdAt) implements EntityLine {

        static Relation of(EntityRelation relation, String fromName, String toName) {
            return new Relation(relation.id, relation.namespace, relation.fromId, fromName, relation.relation,
                    relation.toId, toName, relation.userId, relation.agentId, relation.createdAt);
        }
    }
}
