package dev.lore.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lore.store.LearningStore;
import dev.lore.store.LearningStores;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;
import dev.lore.validation.Violations;

/**
 * Moves stores out of one Lore and into another as JSON Lines: a header line ({@link ExportHeader}), then one line
 * per record, {@code {"store": "knowledge", "kind": "learning", "id": ...}}, each store's records as its
 * {@link StoreRecords} writes them. An import reads the whole file through first and refuses it, naming each bad
 * line, before it writes anything; then it puts the records back one by one, each in a write of its own, so that an
 * import stopped half-way is finished by importing the same file again.
 */
@ApplicationScoped
public class Transfer {

    /** The export format this Lore writes, and the newest it reads. */
    public static final int FORMAT = 1;

    /** How many problems a refused import lists. */
    public static final int PROBLEMS_SHOWN = 20;

    private static final String STORE = "store";

    private final LearningStores stores;
    private final ObjectMapper json;
    private final ObjectMapper lines;
    private final Validator validator;
    private final String flavor;

    Transfer(LearningStores stores, ObjectMapper json, Validator validator,
            @ConfigProperty(name = "lore.flavor") String flavor) {
        this.stores = stores;
        this.json = json;
        this.lines = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.validator = validator;
        this.flavor = flavor;
    }

    /** The stores with these names, in their recall order; every store when none is named. */
    public List<LearningStore<?>> stores(Set<String> names) {
        List<String> unknown = names.stream().filter(name -> stores.named(name).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(noStoreNamed(String.join(", ", unknown)));
        }
        return stores.inRecallOrder().stream().filter(store -> names.isEmpty() || names.contains(store.name()))
                .toList();
    }

    /** How many records of each kind the stores hold that the filter takes, by store. */
    @ActivateRequestContext
    public Map<String, List<Tally>> tally(List<LearningStore<?>> chosen, RecordFilter filter) {
        Map<String, List<Tally>> tallies = new LinkedHashMap<>();
        chosen.forEach(store -> tallies.put(store.name(), store.records().tally(filter)));
        return tallies;
    }

    /** Writes an export of the stores' records that the filter takes; answers how many records it wrote. */
    @ActivateRequestContext
    public long export(List<LearningStore<?>> chosen, RecordFilter filter, String loreVersion, Writer out,
            Progress progress) throws IOException {
        long total = tally(chosen, filter).values().stream().flatMap(List::stream).mapToLong(Tally::count).sum();
        writeLine(out, lines.valueToTree(new ExportHeader(FORMAT, loreVersion, flavor, Instant.now(),
                chosen.stream().map(LearningStore::name).toList())));
        progress.start("Exporting", total);
        long[] written = { 0 };
        for (LearningStore<?> store : chosen) {
            store.records().export(filter, record -> {
                ObjectNode line = lines.createObjectNode().put(STORE, store.name());
                line.setAll((ObjectNode) lines.valueToTree(record));
                try {
                    writeLine(out, line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0]++;
                progress.advance();
            });
        }
        out.flush();
        progress.finish();
        return written[0];
    }

    /** Reads an export through without writing anything: how many records it holds, and what refuses it. */
    public ImportCheck check(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        long[] count = { 0, 0 };
        forEachLine(file, (number, line, header) -> {
            String problem = header ? headerProblem(line) : recordProblem(line);
            if (problem == null) {
                count[0] += header ? 0 : 1;
                return;
            }
            count[1]++;
            if (problems.size() < PROBLEMS_SHOWN) {
                problems.add("line " + number + ": " + problem);
            }
        });
        if (count[0] == 0 && count[1] == 0 && headerless(file)) {
            problems.add("the file is empty: an export begins with a line {\"lore_export\": " + FORMAT + ", ...}");
            count[1]++;
        }
        return new ImportCheck(count[0], problems, count[1]);
    }

    /**
     * Puts back every record of an export that {@link #check} passed, in the order it was written; answers what each
     * store did with them.
     */
    public ImportReport restore(Path file, long records, Progress progress) throws IOException {
        ImportReport report = ImportReport.empty();
        progress.start("Importing", records);
        forEachLine(file, (number, line, header) -> {
            if (!header) {
                ObjectNode node = (ObjectNode) readTree(line);
                LearningStore<?> store = stores.named(node.remove(STORE).asText()).orElseThrow();
                try {
                    report.count(store.name(), restore(store.records(), node));
                } catch (RuntimeException e) {
                    throw new ImportStoppedException(number, e);
                }
                progress.advance();
            }
        });
        progress.finish();
        return report;
    }

    private <R> Restored restore(StoreRecords<R> records, JsonNode node) {
        try {
            return records.restore(json.treeToValue(node, records.type()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line that was checked no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    private String headerProblem(String line) {
        JsonNode header;
        try {
            header = json.readTree(line);
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        }
        JsonNode format = header.path("lore_export");
        if (!format.canConvertToInt()) {
            return "not the header of a Lore export: it begins with {\"lore_export\": " + FORMAT + ", ...}";
        }
        if (format.asInt() > FORMAT) {
            return "export format " + format.asInt() + " is newer than this Lore reads (" + FORMAT
                    + "): import it with the Lore that wrote it (" + header.path("lore_version").asText("?")
                    + ") or a newer one";
        }
        return null;
    }

    /** What refuses a record's line, or {@code null}. */
    private String recordProblem(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        }
        if (!node.isObject() || !node.path(STORE).isTextual()) {
            return "a record names its store: {\"store\": \"knowledge\", \"kind\": \"learning\", ...}";
        }
        String name = node.get(STORE).asText();
        Optional<LearningStore<?>> store = stores.named(name);
        if (store.isEmpty()) {
            return noStoreNamed(name);
        }
        return recordProblem(name, store.get().records(), ((ObjectNode) node).without(STORE));
    }

    private <R> String recordProblem(String store, StoreRecords<R> records, JsonNode node) {
        R record;
        try {
            record = json.treeToValue(node, records.type());
        } catch (InvalidTypeIdException e) {
            return store + ": " + (node.hasNonNull("kind") ? "no kind of record is named " + node.get("kind").asText()
                    : "a record names its kind (\"kind\": ...)");
        } catch (JsonProcessingException e) {
            return store + ": " + e.getOriginalMessage();
        }
        Set<ConstraintViolation<R>> violations = validator.validate(record);
        if (violations.isEmpty()) {
            return null;
        }
        return store + " " + node.path("kind").asText() + ": " + violations.stream().map(Violations::describe)
                .sorted().collect(Collectors.joining("; "));
    }

    private String noStoreNamed(String name) {
        return "no store is named " + name + " (stores: " + stores.inRecallOrder().stream().map(LearningStore::name)
                .collect(Collectors.joining(", ")) + ")";
    }

    private JsonNode readTree(String line) {
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line that was checked no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    private void writeLine(Writer out, JsonNode line) throws IOException {
        out.write(lines.writeValueAsString(line));
        out.write('\n');
    }

    private static boolean headerless(Path file) throws IOException {
        boolean[] blank = { true };
        forEachLine(file, (number, line, header) -> blank[0] = false);
        return blank[0];
    }

    /**
     * Each line of the file that holds something, with its number (blank lines are skipped, and counted); the first
     * of them is the header.
     */
    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterator<String> lines = reader.lines().iterator();
            boolean header = true;
            for (long number = 1; lines.hasNext(); number++) {
                String line = lines.next();
                if (!line.isBlank()) {
                    handler.handle(number, line, header);
                    header = false;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private interface LineHandler {
        void handle(long number, String line, boolean header);
    }
}
