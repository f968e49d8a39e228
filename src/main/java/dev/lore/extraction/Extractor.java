package dev.lore.extraction;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.lore.capture.CapturedTurn;
import dev.lore.identity.Caller;
import dev.lore.review.Proposer;
import dev.lore.review.ReviewInbox;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.LearningStores;
import dev.lore.validation.Violations;

/**
 * Distils what a conversation says into what each store in {@code always} mode keeps, or proposes for review to each
 * store in {@code propose} mode, with the configured model: one request per slice of the conversation's new turns,
 * answered as JSON against a schema made of the stores' knowledge types. Every store's part of every slice is read and
 * checked before anything is saved; an answer that is not what was asked for is asked for once more, then the
 * conversation fails with the model's name. What is saved goes through each store's own rules
 * ({@link LearningStore#learn}): duplicates reinforce, newer facts supersede, profile changes keep history.
 */
@ApplicationScoped
public class Extractor {

    private static final Logger LOG = Logger.getLogger(Extractor.class);
    /** Turns already read that come with new ones, so that "yes, that one" can be understood. */
    static final int CONTEXT_TURNS = 4;
    /** How much of a conversation one request carries at most. */
    static final int SLICE_CHARS = 12_000;
    /** A Markdown code fence around the answer, which chat models add when nothing in the request stops them. */
    private static final Pattern FENCE = Pattern.compile("^```(?:json)?\\s*|\\s*```$");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC' (EEEE)",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final LearningStores stores;
    private final ReviewInbox inbox;
    private final ObjectMapper json;
    private final SchemaGenerator schemas;

    Extractor(LearningStores stores, ReviewInbox inbox, ObjectMapper json) {
        this.stores = stores;
        this.inbox = inbox;
        this.json = json;
        this.schemas = new SchemaGenerator(new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON).with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .build());
    }

    /**
     * Learns what the conversation's last {@code fresh} turns say, for the caller, into the configured stores; the
     * turns before them come along as context only.
     *
     * @throws ExtractionFailedException when the model cannot be reached, or twice answers what cannot be used
     */
    public List<Learned> learn(Caller caller, List<CapturedTurn> turns, int fresh, AskedModel model) {
        List<LearningStore<?>> targets = targets();
        if (fresh <= 0 || targets.isEmpty()) {
            return List.of();
        }
        String schema = schemaFor(targets);
        String instructions = instructionsFor(targets);
        List<LearningStores.Checked<?>> checked = new ArrayList<>();
        int first = turns.size() - Math.min(fresh, turns.size());
        for (int start = first; start < turns.size();) {
            int end = sliceEnd(turns, start);
            String conversation = render(turns.subList(Math.max(0, start - CONTEXT_TURNS), start),
                    turns.subList(start, end));
            checked.addAll(ask(model, instructions, conversation, schema, targets));
            start = end;
        }
        List<Learned> learned = new ArrayList<>();
        Proposer proposer = Proposer.extraction(model.name(), caller);
        checked.forEach(part -> learned.addAll(stores.proposes(part.store()) ? inbox.propose(caller, proposer, part)
                : part.save(caller)));
        return learned;
    }

    /** The stores in {@code always} or {@code propose} mode that a model can fill, in recall order. */
    List<LearningStore<?>> targets() {
        return stores.inRecallOrder().stream().filter(store -> stores.always(store) || stores.proposes(store))
                .filter(store -> store.extractionGuide().isPresent()).toList();
    }

    private List<LearningStores.Checked<?>> ask(AskedModel model, String instructions, String conversation,
            String schema, List<LearningStore<?>> targets) {
        String name = model.name();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(instructions), UserMessage.from(conversation))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder()
                        .name("lore_knowledge").rootElement(JsonRawSchema.from(schema)).build()).build())
                .build();
        String refused = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            String answer;
            try {
                answer = model.chat().chat(request).aiMessage().text();
            } catch (RuntimeException e) {
                throw new ExtractionFailedException("The model " + name + " at " + model.endpoint()
                        + " could not be reached: " + reason(e), model.comesBack(), e);
            }
            try {
                return read(answer, targets);
            } catch (JsonProcessingException e) {
                refused = "its answer is not JSON (" + e.getOriginalMessage() + ")";
            } catch (IllegalArgumentException e) {
                refused = "its answer " + e.getMessage();
            }
            LOG.warnf("The model %s gave an answer that cannot be used (attempt %d): %s", name, attempt, refused);
        }
        throw new ExtractionFailedException("The model " + name + " twice gave an answer that cannot be used: "
                + refused, false, null);
    }

    /**
     * The answer's part for each store, read and checked.
     *
     * @throws IllegalArgumentException saying how the answer is not what was asked for: not an object, an item of
     *         the wrong shape, an item that breaks its store's rules
     */
    private List<LearningStores.Checked<?>> read(String answer, List<LearningStore<?>> targets)
            throws JsonProcessingException {
        JsonNode parsed = json.readTree(answer == null ? "" : FENCE.matcher(answer.strip()).replaceAll(""));
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        List<LearningStores.Checked<?>> checked = new ArrayList<>();
        for (LearningStore<?> store : targets) {
            JsonNode part = parsed.path(store.name());
            if (part.isMissingNode() || part.isNull()) {
                continue;
            }
            try {
                checked.add(stores.check(store.name(), part));
            } catch (ConstraintViolationException e) {
                throw new IllegalArgumentException("breaks the rules of " + store.name() + " ("
                        + e.getConstraintViolations().stream().map(Violations::describe).sorted()
                                .map(violation -> violation.replaceFirst("^knowledge", store.name()))
                                .reduce((a, b) -> a + "; " + b).orElse("") + ")", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gives " + store.name() + " what its schema does not describe ("
                        + reason(e) + ")", e);
            }
        }
        return checked;
    }

    /** One object with, for each store, a list of items of the store's knowledge type. */
    String schemaFor(List<LearningStore<?>> targets) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (LearningStore<?> store : targets) {
            ObjectNode list = properties.putObject(store.name()).put("type", "array");
            list.put("description", store.extractionGuide().orElseThrow());
            ObjectNode item = schemas.generateSchema(store.knowledgeType());
            item.remove("$schema");
            list.set("items", item);
        }
        targets.forEach(store -> schema.withArray("required").add(store.name()));
        schema.put("additionalProperties", false);
        return schema.toString();
    }

    private static String instructionsFor(List<LearningStore<?>> targets) {
        StringBuilder text = new StringBuilder("""
                You read a conversation between a user and an AI assistant and pick out what is worth keeping for \
                later conversations. Answer with one JSON object that follows the given schema: for each key, a list \
                of items, empty when the conversation gives nothing for it. Keep only what the user said or clearly \
                confirmed, not what the assistant merely suggested. Each message starts with when it was said: turn \
                relative dates ("yesterday", "next Friday", "last week") into dates from that. Lines marked \
                [already read] are context: take nothing from them alone. Never copy passwords, keys or tokens.
                """);
        for (LearningStore<?> store : targets) {
            text.append("\n- ").append(store.name()).append(": ").append(store.extractionGuide().orElseThrow());
        }
        return text.toString();
    }

    private static String render(List<CapturedTurn> context, List<CapturedTurn> fresh) {
        StringBuilder text = new StringBuilder();
        context.forEach(turn -> text.append(line(turn, "[already read] ")));
        fresh.forEach(turn -> text.append(line(turn, "")));
        return text.toString();
    }

    private static String line(CapturedTurn turn, String mark) {
        String when = turn.occurredAt() == null ? "" : "[" + WHEN.format(turn.occurredAt()) + "] ";
        return mark + when + turn.role() + ": " + turn.text() + "\n";
    }

    /** Where the slice that starts at {@code start} ends: as many turns as fit, at least one. */
    private static int sliceEnd(List<CapturedTurn> turns, int start) {
        int end = start;
        int chars = 0;
        while (end < turns.size() && (end == start || chars + turns.get(end).text().length() <= SLICE_CHARS)) {
            chars += turns.get(end).text().length();
            end++;
        }
        return end;
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getCause() == null || t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
