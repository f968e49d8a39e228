package dev.lore.entities;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.NamespaceArgument;
import dev.lore.mcp.RedactSecrets;
import dev.lore.mcp.SearchArguments;
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

/** Entity Memory over MCP: what the team knows about companies, projects, people and systems. */
@McpErrors
@RedactSecrets
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
    EntityViews.Saved saveEntityFact(
            @ToolArg(description = "The entity's name (at most 200 characters).")
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String entity,
            @ToolArg(description = "The fact, a sentence that stands alone (at most 2000 characters).")
            @NotBlank @Size(max = NewEntityFact.FACT_MAX) String fact,
            @ToolArg(name = "entity_type", description = "Optional: company, project, person, system, ...",
                    required = false)
            @Pattern(regexp = NewEntityFact.TYPE_PATTERN, message = "{lore.entity-type}") String entityType,
            @ToolArg(description = "Optional: other names of the entity (up to 10).", required = false)
            @Size(max = NewEntityFact.ALIASES_MAX, message = "{lore.size.items}")
            List<@NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String> aliases,
            @ToolArg(description = "Optional: what the fact is about, e.g. ceo or headquarters; a later fact with the "
                    + "same attribute supersedes this one.", required = false)
            @Pattern(regexp = NewEntityFact.ATTRIBUTE_PATTERN, message = "{lore.attribute}") String attribute,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        return EntityViews.Saved.of(entities.saveFact(caller,
                new NewEntityFact(entity, fact, entityType, aliases, attribute)));
    }

    @Tool(name = "relate_entities", description = """
            Record how two entities relate: "Alice" / "works at" / "Acme Corp", "billing-service" / "depends on" / \
            "Postgres". Unknown entities are created. Relating them the same way twice changes nothing.""",
            annotations = @Annotations(title = "Relate two entities", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Related.class))
    EntityViews.Related relateEntities(
            @ToolArg(description = "The entity the relation starts from.")
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String from,
            @ToolArg(description = "The relation, e.g. \"works at\", \"depends on\", \"owns\".")
            @NotBlank @Size(max = NewRelation.RELATION_MAX) @HasLetterOrDigit String relation,
            @ToolArg(description = "The entity the relation points to.")
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String to,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        NewRelation asked = new NewRelation(from, relation, to);
        return EntityViews.Related.of(asked, entities.relate(caller, asked).record());
    }

    @Tool(name = "get_entity", description = """
            Everything known about an entity: its current facts, its relations to other entities, its aliases, and \
            the facts that are no longer true.""",
            annotations = @Annotations(title = "Get an entity", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Entity.class))
    EntityViews.Entity getEntity(
            @ToolArg(description = "The entity's name or one of its aliases.")
            @NotBlank @Size(max = NewEntityFact.NAME_MAX) String entity,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        return entities.get(caller.namespace(), entity).map(EntityViews.Entity::of)
                .orElseThrow(() -> new ToolCallException("No entity named \"" + entity.strip() + "\" in namespace "
                        + caller.namespace() + ". Use search_entities to look for it by what is known about it."));
    }

    @Tool(name = "search_entities", description = """
            Find entities by name or by what is known about them ("who handles our payments?", "databases we run"). \
            Results come best first, each with the facts that matched.""",
            annotations = @Annotations(title = "Search entities", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = EntityViews.Search.class))
    EntityViews.Search searchEntities(
            @ToolArg(description = "What you are looking for, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = SearchArguments.QUERY_MAX) String query,
            @ToolArg(description = "How many entities at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(1) @Max(SearchArguments.LIMIT_MAX) int limit,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        return EntityViews.Search.of(query, caller.namespace(), entities.search(caller.namespace(), query, limit));
    }

    @ResourceTemplate(uriTemplate = "lore://entities/{namespace}/{entity}", name = "entity", title = "An entity",
            description = "Everything known about an entity of a namespace.", mimeType = "text/markdown")
    TextResourceContents entity(@NamespaceName String namespace, String entity, RequestUri uri,
            McpConnection connection) {
        String name = URLDecoder.decode(entity, StandardCharsets.UTF_8);
        EntityViews.Entity view = entities.get(callers.resolve(connection, null, null, namespace).namespace(), name).map(EntityViews.Entity::of)
                .orElseThrow(() -> new McpException("No entity named " + name + " in namespace " + namespace,
                        JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
        return new TextResourceContents(uri.value(), "# " + view.toText() + "\n", "text/markdown");
    }
}
