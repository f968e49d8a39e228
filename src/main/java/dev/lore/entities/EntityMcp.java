package dev.lore.entities;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.identity.Namespaces;
import dev.lore.mcp.Replies;
import dev.lore.mcp.ToolErrors;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;

/** Entity Memory over MCP: what the team knows about companies, projects, people and systems. */
@ToolErrors
public class EntityMcp {

    private final EntityService entities;
    private final CallerResolver callers;

    EntityMcp(EntityService entities, CallerResolver callers) {
        this.entities = entities;
        this.callers = callers;
    }

    @Tool(name = "save_entity_fact", description = """
            Record a fact about a company, project, person, system or any other named thing: "Acme Corp" / "Their \
            contract renews every March". Names are matched without case or punctuation, and through aliases \
            ("ACME", "Acme Corporation"). Facts are shared with everyone in the namespace. A fact that updates an \
            older one ("The CEO is now Bob Jones" after "The CEO is Jane Smith", or any fact with the same \
            attribute) supersedes it; the old fact stays in the entity's history.""",
            annotations = @Annotations(title = "Record a fact about an entity", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Saved.class))
    ToolResponse saveEntityFact(
            @ToolArg(description = "The entity's name (at most 200 characters).")
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String entity,
            @ToolArg(description = "The fact, a sentence that stands alone (at most 2000 characters).")
            @NotBlank @Size(max = 2000, message = "must be at most {max} characters") String fact,
            @ToolArg(name = "entity_type", description = "Optional: company, project, person, system, ...",
                    required = false) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,49}",
                            message = "must be 1 to 50 letters, digits, spaces, '_' or '-'") String entityType,
            @ToolArg(description = "Optional: other names of the entity (up to 10).", required = false)
            @Size(max = 10, message = "must have at most {max} aliases") List<@NotBlank @Size(max = 200,
                    message = "must be at most {max} characters") String> aliases,
            @ToolArg(description = "Optional: what the fact is about, e.g. ceo or headquarters; a later fact with the "
                    + "same attribute supersedes this one.", required = false)
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9_ -]{0,63}", message = "must be 1 to 64 letters, digits, spaces, "
                    + "'_' or '-', starting with a letter") String attribute,
            @ToolArg(description = "Optional: the team or project namespace (default: 'default').", required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        requireName("entity", entity);
        aliases = aliases == null ? List.of() : aliases;
        aliases.forEach(alias -> requireName("aliases", alias));
        Caller caller = callers.resolve(connection, null, null, namespace);
        EntityService.SavedFact saved = entities.saveFact(caller, entity, fact, entityType, aliases, attribute);
        String message = (saved.created() ? "Recorded" : "Already known; reinforced") + " a fact about "
                + saved.entity().name + " (fact " + saved.fact().id + ")."
                + (saved.superseded().isEmpty() ? "" : " It supersedes: " + saved.superseded().stream()
                        .map(f -> "\"" + f.fact + "\"").collect(Collectors.joining(", ")) + ".");
        return Replies.of(message, new EntityViews.Saved(saved.entity().id, saved.entity().name,
                saved.created() ? "created" : "reinforced", message, EntityViews.Fact.of(saved.fact()),
                saved.superseded().stream().map(EntityViews.Fact::of).toList()));
    }

    @Tool(name = "relate_entities", description = """
            Record how two entities relate: "Alice" / "works at" / "Acme Corp", "billing-service" / "depends on" / \
            "Postgres". Unknown entities are created. Relating them the same way twice changes nothing.""",
            annotations = @Annotations(title = "Relate two entities", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Related.class))
    ToolResponse relateEntities(
            @ToolArg(description = "The entity the relation starts from.")
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String from,
            @ToolArg(description = "The relation, e.g. \"works at\", \"depends on\", \"owns\".")
            @NotBlank @Size(max = 100, message = "must be at most {max} characters") String relation,
            @ToolArg(description = "The entity the relation points to.")
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String to,
            @ToolArg(description = "Optional: the team or project namespace (default: 'default').", required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        requireName("from", from);
        requireName("relation", relation);
        requireName("to", to);
        Caller caller = callers.resolve(connection, null, null, namespace);
        EntityRelation saved = entities.relate(caller, from, relation, to);
        String message = from.strip() + " —" + saved.relation + "→ " + to.strip() + " recorded in namespace "
                + caller.namespace() + ".";
        return Replies.of(message, new EntityViews.Related(message,
                new EntityViews.Relation(saved.id, from.strip(), saved.relation, to.strip())));
    }

    @Tool(name = "get_entity", description = """
            Everything known about an entity: its current facts, its relations to other entities, its aliases, and \
            the facts that are no longer true.""",
            annotations = @Annotations(title = "Get an entity", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Entity.class))
    ToolResponse getEntity(
            @ToolArg(description = "The entity's name or one of its aliases.")
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String entity,
            @ToolArg(description = "Optional: the team or project namespace (default: 'default').", required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        EntityViews.Entity view = entities.get(caller.namespace(), entity).map(EntityViews.Entity::of)
                .orElseThrow(() -> new ToolCallException("No entity named \"" + entity.strip() + "\" in namespace "
                        + caller.namespace() + ". Use search_entities to look for it by what is known about it."));
        return Replies.of(view.describe(), view);
    }

    @Tool(name = "search_entities", description = """
            Find entities by name or by what is known about them ("who handles our payments?", "databases we run"). \
            Results come best first, each with the facts that matched.""",
            annotations = @Annotations(title = "Search entities", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Search.class))
    ToolResponse searchEntities(
            @ToolArg(description = "What you are looking for, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = 1000, message = "must be at most {max} characters") String query,
            @ToolArg(description = "How many entities at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(value = 1, message = "must be at least {value}") @Max(value = 50, message = "must be at most {value}") int limit,
            @ToolArg(description = "Optional: the team or project namespace (default: 'default').", required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        List<EntityViews.Match> found = entities.search(caller.namespace(), query, limit).stream()
                .map(EntityViews.Match::of).toList();
        StringBuilder text = new StringBuilder(found.isEmpty() ? "No entities in namespace " + caller.namespace()
                + " match \"" + query + "\"." : "Entities for \"" + query + "\" in namespace " + caller.namespace() + ":");
        int rank = 1;
        for (EntityViews.Match m : found) {
            text.append('\n').append(rank++).append(". ").append(m.name()).append(m.type() == null ? "" : " (" + m.type() + ")")
                    .append(" score ").append(m.score());
            m.facts().forEach(f -> text.append("\n   - ").append(f.fact()));
        }
        return Replies.of(text.toString(), new EntityViews.Search(query, caller.namespace(), found.size(), found));
    }

    @ResourceTemplate(uriTemplate = "lore://entities/{namespace}/{entity}", name = "entity", title = "An entity",
            description = "Everything known about an entity of a namespace.", mimeType = "text/markdown")
    TextResourceContents entity(String namespace, String entity, RequestUri uri) {
        String name = java.net.URLDecoder.decode(entity, java.nio.charset.StandardCharsets.UTF_8);
        EntityViews.Entity view = entities.get(Namespaces.checked(namespace), name).map(EntityViews.Entity::of)
                .orElseThrow(() -> new McpException("No entity named " + name + " in namespace " + namespace,
                        JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
        return new TextResourceContents(uri.value(), "# " + view.describe() + "\n", "text/markdown");
    }

    private static void requireName(String field, String name) {
        if (EntityNames.key(name).isEmpty()) {
            throw new ToolCallException("Invalid input: " + field + " must contain a letter or a digit.");
        }
    }
}
