package dev.lore.entities;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.search.SearchHit;

/** How entities, their facts and relations look in tool answers. */
public final class EntityViews {

    private EntityViews() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fact(String id, String fact, String attribute, String status, String supersededBy, String supersededAt,
            int confirmations, String author, String agent, String createdAt) {

        static Fact of(EntityFact f) {
            return new Fact(f.id, f.fact, f.attribute, f.status, f.supersededBy,
                    f.supersededAt == null ? null : f.supersededAt.toString(), f.confirmations, f.userId, f.agentId,
                    f.createdAt.toString());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Relation(String id, String from, String relation, String to) {

        static Relation of(EntityRelation r, Map<String, String> names) {
            return new Relation(r.id, names.getOrDefault(r.fromId, r.fromId), r.relation, names.getOrDefault(r.toId, r.toId));
        }
    }

    /** What get_entity answers: current facts, superseded ones (history), relations both ways. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entity(String id, String name, String type, String namespace, List<String> aliases, List<Fact> facts,
            List<Fact> history, List<Relation> relations, String updatedAt) implements Answer {

        static Entity of(EntityService.Dossier d) {
            return new Entity(d.entity().id, d.entity().name, d.entity().type, d.entity().namespace,
                    d.aliases().stream().map(a -> a.alias).toList(),
                    d.facts().stream().filter(EntityFact::isCurrent).map(Fact::of).toList(),
                    d.facts().stream().filter(f -> !f.isCurrent()).map(Fact::of).toList(),
                    d.relations().stream().map(r -> Relation.of(r, d.names())).toList(),
                    d.entity().updatedAt.toString());
        }

        @Override
        public String toText() {
            StringBuilder text = new StringBuilder(name);
            if (type != null) {
                text.append(" (").append(type).append(')');
            }
            text.append(" in namespace ").append(namespace);
            if (aliases.size() > 1) {
                text.append("\nAlso known as: ").append(String.join(", ", aliases));
            }
            text.append(facts.isEmpty() ? "\nNo current facts." : "\nFacts:");
            facts.forEach(f -> text.append("\n- ").append(f.fact()).append(" (").append(f.createdAt()).append(')'));
            if (!relations.isEmpty()) {
                text.append("\nRelations:");
                relations.forEach(r -> text.append("\n- ").append(r.from()).append(" —").append(r.relation())
                        .append("→ ").append(r.to()));
            }
            if (!history.isEmpty()) {
                text.append("\nNo longer true:");
                history.forEach(f -> text.append("\n- ").append(f.fact()).append(" (until ").append(f.supersededAt())
                        .append(')'));
            }
            return text.toString();
        }
    }

    /** What save_entity_fact answers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Saved(String entityId, String entity, String status, String message, Fact fact, List<Fact> superseded)
            implements Answer {

        static Saved of(EntityService.SavedFact saved) {
            String message = (saved.created() ? "Recorded" : "Already known; reinforced") + " a fact about "
                    + saved.entity().name + " (fact " + saved.fact().id + ")."
                    + (saved.superseded().isEmpty() ? "" : " It supersedes: " + saved.superseded().stream()
                            .map(f -> "\"" + f.fact + "\"").collect(Collectors.joining(", ")) + ".");
            return new Saved(saved.entity().id, saved.entity().name, saved.created() ? "created" : "reinforced",
                    message, Fact.of(saved.fact()), saved.superseded().stream().map(Fact::of).toList());
        }

        @Override
        public String toText() {
            return message;
        }
    }

    /** What relate_entities answers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Related(String message, Relation relation) implements Answer {

        static Related of(NewRelation asked, EntityRelation saved) {
            return new Related(asked.from().strip() + " —" + saved.relation + "→ " + asked.to().strip()
                    + " recorded in namespace " + saved.namespace + ".",
                    new Relation(saved.id, asked.from().strip(), saved.relation, asked.to().strip()));
        }

        @Override
        public String toText() {
            return message;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Match(String id, String name, String type, double score, List<Fact> facts) {

        static Match of(EntityService.FoundEntity found) {
            return new Match(found.entity().id, found.entity().name, found.entity().type,
                    SearchHit.shown(found.score()), found.facts().stream().map(Fact::of).toList());
        }
    }

    /** What search_entities answers: entities best first, each with the facts that matched. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Search(String query, String namespace, int count, List<Match> results) implements Answer {

        static Search of(String query, String namespace, List<EntityService.FoundEntity> found) {
            List<Match> results = found.stream().map(Match::of).toList();
            return new Search(query, namespace, results.size(), results);
        }

        @Override
        public String toText() {
            StringBuilder text = new StringBuilder(results.isEmpty() ? "No entities in namespace " + namespace
                    + " match \"" + query + "\"." : "Entities for \"" + query + "\" in namespace " + namespace + ":");
            int rank = 1;
            for (Match m : results) {
                text.append('\n').append(rank++).append(". ").append(m.name())
                        .append(m.type() == null ? "" : " (" + m.type() + ")").append(" score ").append(m.score());
                m.facts().forEach(f -> text.append("\n   - ").append(f.fact()));
            }
            return text.toString();
        }
    }
}
