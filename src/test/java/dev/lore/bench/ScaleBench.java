package dev.lore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.lore.search.embedding.TextVectors;
import dev.lore.search.vector.Vectors;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Search latency and save throughput at scale, through the real MCP server (stdio). The corpus is synthetic and
 * written straight into a fresh store: English sentences drawn from the words of the project's own test data (so
 * natural questions hit realistic posting lists), three sentences an item, and vectors drawn around 2,000 random
 * centroids (so the vector scan does the full work), with a passage vector per sentence drawn near its item's.
 * Searches are real questions, embedded by the real model, answered by the real engine. Defaults: 100,000 items
 * (set -Ditems=1000000 for the team flavor's 1M run); -Dscale.keep=true keeps the store and prints its name,
 * -Dscale.reuse=NAME measures an existing one without loading; -Dsaves=N sets the saves of each saving round (300;
 * 0 skips them); -Dhttp.clients=N sets the remote agents searching at once (8; 0 skips that round);
 * -Dsession.size=N sets the items saved in one session (20; an agent that keeps one session for all it saves makes
 * sessions of many thousands).
 */
public final class ScaleBench {

    static final String MODEL = "bge-small-en-v1.5-q";
    static final int DIMENSION = 384;
    static final String NAMESPACE = "scale";

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("items", 100_000);
        int searches = Integer.getInteger("searches", 300);
        int saves = Integer.getInteger("saves", 300);
        List<String> questions = questions();
        String reuse = System.getProperty("scale.reuse");
        try (TestStores.Store store = reuse == null ? TestStores.fresh() : TestStores.existing(reuse)) {
            if (reuse == null) {
                try (McpClient schema = LoreProcess.stdioClient(store, "scale-bench")) {
                    // a tool call waits until the store is open, so the schema exists when the client closes
                    LocomoBench.call(schema, "search_learnings", Json.object("query", "schema", "namespace", NAMESPACE));
                }
                long loadStart = System.nanoTime();
                load(store, items, vocabulary(questions));
                System.out.printf("Scale bench, %s flavor: %,d synthetic items loaded in %.0f s%n", TestStores.FLAVOR,
                        items, (System.nanoTime() - loadStart) / 1e9);
            } else {
                System.out.printf("Scale bench, %s flavor, on the existing store %s%n", TestStores.FLAVOR, reuse);
            }

            try (McpClient client = LoreProcess.stdioClient(store, "scale-bench")) {
                long firstStart = System.nanoTime();
                LocomoBench.call(client, "search_learnings", Json.object("query", "warm up", "namespace", NAMESPACE));
                System.out.printf("  first search (loads the index)  %.0f ms%n", (System.nanoTime() - firstStart) / 1e6);
                warmUp(List.of(client), questions);
                Latencies search = new Latencies();
                for (int i = 0; i < searches; i++) {
                    long start = System.nanoTime();
                    LocomoBench.call(client, "search_learnings", Json.object("query", questions.get(i % questions.size()),
                            "limit", 10, "namespace", NAMESPACE));
                    search.add(start);
                }
                System.out.println("  search_learnings (limit 10)     " + search.summary());

                Latencies save = new Latencies();
                long savesStart = System.nanoTime();
                for (int i = 0; i < saves; i++) {
                    long start = System.nanoTime();
                    LocomoBench.call(client, "save_learning", Json.object("title", "Scale note " + i, "learning",
                            questions.get(i % questions.size()) + " Answer number " + i + ".", "namespace", NAMESPACE));
                    save.add(start);
                }
                if (saves > 0) {
                    System.out.printf("  save_learning, one client       %s, %.1f saves/s%n", save.summary(),
                            saves / ((System.nanoTime() - savesStart) / 1e9));
                }
                System.out.println("  resident memory of the server   " + residentMemory());
            }
            if (saves > 0) {
                concurrentSaves(store, questions, saves);
            }
            int httpClients = Integer.getInteger("http.clients", 8);
            if (httpClients > 0) {
                concurrentSearches(store, questions, searches, httpClients);
            }
        }
    }

    /** Remote agents searching at once: one Lore over Streamable HTTP, each client in its own MCP session. */
    static void concurrentSearches(TestStores.Store store, List<String> questions, int searches, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<McpClient> sessions = new ArrayList<>();
        try (LoreProcess lore = LoreProcess.http(store)) {
            for (int c = 0; c < clients; c++) {
                McpClient client = new DefaultMcpClient.Builder()
                        .clientName("searcher-" + c)
                        .transport(new StreamableHttpMcpTransport.Builder().url(lore.baseUrl() + "/mcp").build())
                        .toolExecutionTimeout(Duration.ofSeconds(60))
                        .build();
                sessions.add(client);
            }
            warmUp(sessions, questions);
            Latencies search = new Latencies();
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                McpClient client = sessions.get(c);
                int offset = c;
                runs.add(pool.submit(() -> {
                    for (int i = offset; i < searches; i += clients) {
                        long begin = System.nanoTime();
                        LocomoBench.call(client, "search_learnings", Json.object("query",
                                questions.get(i % questions.size()), "limit", 10, "namespace", NAMESPACE));
                        search.add(begin);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            System.out.printf("  search_learnings, %d HTTP clients %s, %.1f searches/s%n", clients, search.summary(),
                    searches / ((System.nanoTime() - start) / 1e9));
        } finally {
            for (McpClient client : sessions) {
                client.close();
            }
            pool.shutdown();
        }
    }

    /** Two clients, each with its own Lore process, saving at once into the same store. */
    static void concurrentSaves(TestStores.Store store, List<String> questions, int saves) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (McpClient a = LoreProcess.stdioClient(store, "writer-a"); McpClient b = LoreProcess.stdioClient(store, "writer-b")) {
            warmUp(List.of(a, b), questions);
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (McpClient client : List.of(a, b)) {
                String who = client == a ? "a" : "b";
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < saves / 2; i++) {
                        LocomoBench.call(client, "save_learning", Json.object("title", "Writer " + who + " " + i,
                                "learning", questions.get(i % questions.size()) + " Writer " + who + " number " + i,
                                "namespace", NAMESPACE));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            System.out.printf("  save_learning, two processes    %.1f saves/s together%n",
                    saves / ((System.nanoTime() - start) / 1e9));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Searches through each client in turn for -Dwarmup.seconds (30): each Lore process behind them loads the vectors,
     * trains the index of a large set in the background and warms up its JIT before the clock starts. Without it, a
     * round measures Lore's start instead (two writers saving at 100,000 items measured 22 saves/s while both
     * processes were training their indexes).
     */
    static void warmUp(List<McpClient> clients, List<String> questions) {
        long warmUntil = System.nanoTime() + Long.getLong("warmup.seconds", 30) * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            LocomoBench.call(clients.get(i % clients.size()), "search_learnings", Json.object("query",
                    questions.get(i % questions.size()), "namespace", NAMESPACE));
        }
    }

    /**
     * Resident memory of the newest Lore this JVM launched (the MCP client starts it as a child process): its own, and
     * the pages of files it maps (the local store is read through a memory map; those pages are the system's file
     * cache, shared with every process that reads the store).
     */
    static String residentMemory() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                .max(java.util.Comparator.comparing(p -> p.info().startInstant().orElse(Instant.EPOCH)))
                .map(p -> {
                    try {
                        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"));
                        return String.format("%d MB of its own, %d MB of mapped files", megabytes(status, "RssAnon:"),
                                megabytes(status, "RssFile:"));
                    } catch (Exception e) {
                        return "unknown (" + e.getMessage() + ")";
                    }
                }).orElse("unknown");
    }

    private static long megabytes(List<String> status, String field) {
        return status.stream().filter(l -> l.startsWith(field)).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
    }

    static List<String> questions() throws Exception {
        List<String> questions = new ArrayList<>();
        if (Files.exists(Locomo.path())) {
            Locomo.load(Locomo.path()).conversations().forEach(c -> c.questions().forEach(q -> questions.add(q.text())));
        }
        InsightPairs.load().forEach(p -> questions.add(p.question()));
        return questions;
    }

    /** The words of the project's test data, most frequent first, so Zipf sampling gives them realistic rates. */
    static List<String> vocabulary(List<String> questions) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        List<String> texts = new ArrayList<>(questions);
        InsightPairs.load().forEach(p -> texts.add(p.insight()));
        if (Files.exists(Locomo.path())) {
            Locomo.load(Locomo.path()).conversations().forEach(c -> c.turns().forEach(t -> texts.add(t.text())));
        }
        for (String text : texts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() > 1) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(Comparator.comparing((String w) -> counts.get(w)).reversed().thenComparing(w -> w));
        return words;
    }

    static void load(TestStores.Store store, int items, List<String> vocabulary) throws Exception {
        Random random = new Random(42);
        float[][] centroids = new float[2000][];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = unit(gaussian(random, 1.0));
        }
        boolean postgres = !TestStores.isLocal();
        int sessionSize = Integer.getInteger("session.size", 20);
        try (Connection db = store.connect()) {
            db.setAutoCommit(false);
            if (postgres) {
                try (Statement s = db.createStatement()) {
                    s.execute("DROP INDEX IF EXISTS search_entry_embedding");
                }
            }
            String vectorValue = postgres ? "CAST(? AS vector)" : "?";
            String insertEntry = "INSERT INTO search_entry (store, item_id, namespace, body, tag_text, created_at, "
                    + "session_id, session_pos, embedding, embedding_model, preceding_text, passages, seq) "
                    + "VALUES ('knowledge', ?, ?, ?, '', ?, ?, ?, " + vectorValue + ", ?, ?, ?, ?)";
            String insertPassage = "INSERT INTO search_passage (entry_seq, position, embedding) VALUES (?, ?, "
                    + vectorValue + ")";
            try (PreparedStatement learning = db.prepareStatement("INSERT INTO learning (id, namespace, title, body, "
                    + "tags, author_user_id, author_agent_id, session_id, created_at, updated_at, confirmations, "
                    + "last_confirmed_at) VALUES (?, ?, ?, ?, '[]', 'bench', 'bench', ?, ?, ?, 1, ?)");
                    PreparedStatement entry = db.prepareStatement(insertEntry);
                    PreparedStatement passage = db.prepareStatement(insertPassage)) {
                Timestamp now = Timestamp.from(Instant.now());
                String preceding = null;
                for (int i = 0; i < items; i++) {
                    String id = UUID.randomUUID().toString();
                    String title = sentence(random, vocabulary, 3, 6);
                    List<String> sentences = List.of(sentence(random, vocabulary, 4, 10),
                            sentence(random, vocabulary, 4, 10), sentence(random, vocabulary, 4, 10));
                    String body = String.join(". ", sentences) + ".";
                    String session = "bench-session-" + (i / sessionSize);
                    learning.setString(1, id);
                    learning.setString(2, NAMESPACE);
                    learning.setString(3, title);
                    learning.setString(4, body);
                    learning.setString(5, session);
                    learning.setTimestamp(6, now);
                    learning.setTimestamp(7, now);
                    learning.setTimestamp(8, now);
                    learning.addBatch();
                    float[] vector = unit(add(centroids[random.nextInt(centroids.length)], gaussian(random, 0.6)));
                    entry.setString(1, id);
                    entry.setString(2, NAMESPACE);
                    entry.setString(3, title + "\n" + body);
                    entry.setTimestamp(4, now);
                    entry.setString(5, session);
                    entry.setInt(6, i % sessionSize + 1);
                    if (postgres) {
                        entry.setString(7, Vectors.toPgVector(vector));
                    } else {
                        entry.setBytes(7, Vectors.toBytes(vector));
                    }
                    entry.setString(8, MODEL);
                    entry.setString(9, i % sessionSize == 0 ? null : preceding);
                    entry.setInt(10, sentences.size());
                    entry.setLong(11, i + 1);
                    entry.addBatch();
                    for (int position = 0; position < sentences.size(); position++) {
                        float[] part = unit(add(vector, gaussian(random, 0.4)));
                        passage.setLong(1, i + 1);
                        passage.setInt(2, position);
                        if (postgres) {
                            passage.setString(3, Vectors.toPgVector(part));
                        } else {
                            passage.setBytes(3, Vectors.toBytes(part));
                        }
                        passage.addBatch();
                    }
                    preceding = title + "\n" + body;
                    if (i % 1000 == 999 || i == items - 1) {
                        learning.executeBatch();
                        entry.executeBatch();
                        passage.executeBatch();
                        db.commit();
                    }
                }
            }
            if (postgres) {
                try (Statement s = db.createStatement()) {
                    long start = System.nanoTime();
                    s.execute("SELECT setval(pg_get_serial_sequence('search_entry', 'seq'), " + items + ")");
                    s.execute("SET maintenance_work_mem = '2GB'");
                    s.execute("SET max_parallel_maintenance_workers = 2");
                    s.execute("CREATE INDEX search_entry_embedding ON search_entry USING hnsw (embedding vector_cosine_ops)");
                    s.execute("ANALYZE");
                    db.commit();
                    System.out.printf("  HNSW index built in %.0f s%n", (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }

    static String sentence(Random random, List<String> vocabulary, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < length; w++) {
            // Zipf-like: low indexes (frequent words) come up far more often
            int index = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), random.nextDouble())) - 1);
            text.append(w == 0 ? "" : " ").append(vocabulary.get(Math.max(0, index)));
        }
        return text.toString();
    }

    static float[] gaussian(Random random, double sigma) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) (random.nextGaussian() * sigma / Math.sqrt(DIMENSION));
        }
        return v;
    }

    static float[] add(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    static float[] unit(float[] v) {
        return TextVectors.normalize(v);
    }
}
