package dev.lore.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.Grant;
import dev.lore.identity.Role;
import dev.lore.store.Learned;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.ElicitationRequest;
import io.quarkiverse.mcp.server.ElicitationResponse;

/**
 * Asks the user, through their MCP client, to decide a proposal at once (MCP elicitation): accept it, with its text
 * fields as they are or changed, or reject it. Clients often declare elicitation and then decline without asking; a
 * proposal the user did not decide (declined, cancelled, unanswered, an answer that cannot be saved) stays in the
 * inbox, never lost and never accepted on its own. A caller whose token is not a reviewer's is not asked: what they
 * propose waits for a reviewer.
 */
@ApplicationScoped
public class AskTheUser {

    private static final Logger LOG = Logger.getLogger(AskTheUser.class);
    static final String DECISION = "decision";

    private final ReviewInbox inbox;
    private final CallerResolver callers;
    private final Duration patience;

    AskTheUser(ReviewInbox inbox, CallerResolver callers, ReviewSettings settings) {
        this.inbox = inbox;
        this.callers = callers;
        this.patience = settings.askTimeout();
    }

    /**
     * Asks about a proposal just made, when the client can be asked; the proposal as the user decided it, or empty
     * when it still waits.
     */
    public Optional<Proposal> decide(Elicitation elicitation, Caller caller, Learned proposed) {
        Grant grant = callers.grant();
        if (elicitation == null || !elicitation.isSupported() || proposed.outcome() != Learned.Outcome.PROPOSED
                || grant != null && !grant.role().includes(Role.REVIEWER)) {
            return Optional.empty();
        }
        Proposal proposal = inbox.show(Reviewer.anywhere(caller), proposed.id());
        JsonNode knowledge = proposal.knowledge;
        ElicitationRequest.Builder question = elicitation.requestBuilder()
                .setMessage(proposal.proposedBy + " proposes this for " + proposal.store + " (namespace "
                        + proposal.namespace + "). Save it? Change the text first to save it edited.")
                .addSchemaProperty(DECISION, ElicitationRequest.SingleSelectEnumSchema
                        .builder(List.of("accept", "reject")).setEnumTitles(List.of("Save it", "Reject it"))
                        .setTitle("Your decision").setRequired(true).build())
                .setTimeout(patience);
        knowledge.properties().stream().filter(field -> field.getValue().isTextual()).forEach(field -> question
                .addSchemaProperty(field.getKey(), ElicitationRequest.StringSchema.builder().setTitle(field.getKey())
                        .setDefaultValue(field.getValue().asText()).build()));
        ElicitationResponse answer;
        try {
            answer = question.build().sendAndAwait();
        } catch (RuntimeException e) {
            LOG.infof("Asking the user about proposal %s did not work (%s): it waits in the review inbox", proposal.id,
                    e.getMessage());
            return Optional.empty();
        }
        if (answer == null || !answer.actionAccepted() || answer.content() == null) {
            return Optional.empty();
        }
        Reviewer user = Reviewer.anywhere(new Caller(caller.userId(), "asked through " + caller.agentId(),
                caller.sessionId(), caller.namespace()));
        Map<String, Object> given = answer.content().asMap();
        try {
            if ("reject".equals(given.get(DECISION))) {
                return Optional.of(inbox.reject(user, proposal.id, "rejected when asked"));
            }
            if (!"accept".equals(given.get(DECISION))) {
                return Optional.empty();
            }
            ObjectNode edited = knowledge.deepCopy();
            given.forEach((field, value) -> {
                if (edited.path(field).isTextual() && value instanceof String text) {
                    edited.put(field, text);
                }
            });
            return Optional.of(inbox.accept(user, proposal.id, edited.equals(knowledge) ? null : edited,
                    "accepted when asked"));
        } catch (ConstraintViolationException | ReviewRefusedException e) {
            LOG.infof("The user's answer about proposal %s cannot be saved (%s): it waits in the review inbox",
                    proposal.id, e.getMessage());
            return Optional.empty();
        }
    }
}
