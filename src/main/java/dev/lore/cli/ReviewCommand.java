package dev.lore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.identity.CallerResolver;
import dev.lore.review.Proposal;
import dev.lore.review.ProposalView;
import dev.lore.review.ReviewInbox;
import dev.lore.review.ReviewRefusedException;
import dev.lore.review.Reviewer;
import dev.lore.validation.Violations;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lore review}: the review inbox for the person at the terminal. What agents and models proposed for the stores
 * in propose mode waits there; accepting saves it like any other save, rejecting keeps it from being proposed again.
 */
@Command(name = "review", description = {
        "Review what waits for a person's yes: knowledge proposed for the stores in propose mode.",
        "  lore review [list]             what waits, oldest first (--state accepted|rejected for the decided)",
        "  lore review show ID            one proposal: what it says, who proposed it, from where and why",
        "  lore review accept ID          save it, as it is, or --edit it first (in $VISUAL or $EDITOR), or --with a "
                + "file holding it edited",
        "  lore review reject ID          reject it: the same knowledge is not proposed again" })
@Dependent
@RegisterForReflection
public class ReviewCommand implements QuarkusApplication, Callable<Integer> {

    static final int REFUSED = 1;
    /** How a person's decisions are told apart from an agent's: the agent named on the proposal. */
    static final String REVIEWER = "lore review";

    enum Action {
        LIST, SHOW, ACCEPT, REJECT
    }

    @Parameters(index = "0", arity = "0..1", defaultValue = "list", paramLabel = "ACTION",
            description = "list (the default), show, accept or reject.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "The proposal's id.")
    String id;

    @Option(names = "--state", defaultValue = "pending", description = "With list: pending (the default), accepted or "
            + "rejected.")
    String state;

    @Option(names = "--namespace", description = "With list: only this namespace's proposals.")
    String namespace;

    @Option(names = "--limit", defaultValue = "50", description = "With list: how many at most (default 50).")
    int limit;

    @Option(names = "--edit", description = "With accept: change the knowledge in your editor first.")
    boolean edit;

    @Option(names = "--with", paramLabel = "FILE", description = "With accept: the knowledge as it should be saved, "
            + "a JSON object (- for standard input).")
    String with;

    @Option(names = "--note", description = "With accept or reject: why, in a few words.")
    String note;

    @Spec
    CommandSpec spec;

    @Inject
    ReviewInbox inbox;

    @Inject
    CallerResolver callers;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() {
        Action chosen = actionOf(action);
        if (chosen == null || (chosen != Action.LIST) == (id == null) || edit && with != null
                || (edit || with != null) && chosen != Action.ACCEPT) {
            throw new CommandLine.ParameterException(spec.commandLine(), chosen == null
                    ? "Unknown action '" + action + "': list, show, accept or reject"
                    : chosen == Action.LIST ? "list takes no id"
                            : edit || with != null ? "--edit and --with go with accept, one of them"
                                    : action + " needs the proposal's id");
        }
        if (!List.of("pending", "accepted", "rejected").contains(state.toLowerCase(Locale.ROOT))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--state must be pending, accepted or rejected, not '" + state + "'");
        }
        return Lore.runOnStore(ReviewCommand.class, chosen == Action.ACCEPT, Lore.argumentsOf(spec));
    }

    @Override
    public int run(String... args) throws IOException {
        new CommandLine(this).parseArgs(args);
        Reviewer reviewer = Reviewer.anywhere(callers.local(REVIEWER));
        try {
            switch (actionOf(action)) {
                case LIST -> System.out.print(list(reviewer));
                case SHOW -> System.out.println(ProposalView.of(inbox.show(reviewer, id)).toText());
                case ACCEPT -> {
                    JsonNode edited = edit ? edited(inbox.show(reviewer, id)) : with == null ? null : read(with);
                    System.out.println(ProposalView.of(inbox.accept(reviewer, id, edited, note)).toText());
                }
                case REJECT -> System.out.println(ProposalView.of(inbox.reject(reviewer, id, note)).toText());
            }
        } catch (ReviewRefusedException e) {
            System.err.println("lore review: " + e.getMessage());
            return REFUSED;
        } catch (ConstraintViolationException e) {
            System.err.println("lore review: the edited knowledge is refused, nothing was saved: "
                    + String.join("; ", e.getConstraintViolations().stream().map(Violations::describe).sorted()
                            .map(violation -> violation.replaceFirst("^knowledge\\[0]\\.", "")).toList()));
            return REFUSED;
        } catch (EditRefusedException e) {
            System.err.println("lore review: " + e.getMessage() + "; nothing was saved");
            return REFUSED;
        }
        return CommandLine.ExitCode.OK;
    }

    private String list(Reviewer reviewer) {
        Proposal.State wanted = Proposal.State.valueOf(state.toUpperCase(Locale.ROOT));
        List<Proposal> found = inbox.list(reviewer, wanted, namespace, limit);
        if (found.isEmpty()) {
            return "No proposal is " + state.toLowerCase(Locale.ROOT) + ".\n";
        }
        StringBuilder text = new StringBuilder();
        for (Proposal proposal : found) {
            ProposalView view = ProposalView.of(proposal);
            text.append(view.id()).append("  ").append(view.store()).append(" / ").append(view.namespace())
                    .append("  by ").append(view.proposedBy()).append(", ").append(view.createdAt()).append('\n')
                    .append("    ").append(proposal.summary.replace("\n", "\n    ")).append('\n');
        }
        return text.toString();
    }

    /** The proposal's knowledge as the person left it in their editor. */
    private JsonNode edited(Proposal proposal) throws IOException {
        Path file = Files.createTempFile("lore-proposal-", ".json");
        try {
            Files.writeString(file,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(proposal.knowledge) + "\n");
            String editor = Stream.of("VISUAL", "EDITOR").map(System::getenv)
                    .filter(value -> value != null && !value.isBlank()).findFirst().orElse("vi");
            int exit;
            try {
                exit = new ProcessBuilder("sh", "-c", editor + " \"$0\"", file.toString()).inheritIO().start()
                        .waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EditRefusedException("the editor was interrupted");
            }
            if (exit != 0) {
                throw new EditRefusedException("the editor (" + editor + ") exited with " + exit);
            }
            return read(file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private JsonNode read(String source) throws IOException {
        String text = "-".equals(source) ? new String(System.in.readAllBytes()) : Files.readString(Path.of(source));
        try {
            JsonNode knowledge = json.readTree(text);
            if (knowledge == null || !knowledge.isObject()) {
                throw new EditRefusedException("the edited knowledge must be one JSON object");
            }
            return knowledge;
        } catch (JsonProcessingException e) {
            throw new EditRefusedException("the edited knowledge is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Action actionOf(String name) {
        for (Action candidate : Action.values()) {
            if (candidate.name().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    /** An edit that cannot be used: the editor failed, or what it left is not one JSON object. */
    private static final class EditRefusedException extends RuntimeException {
        EditRefusedException(String message) {
            super(message);
        }
    }
}
