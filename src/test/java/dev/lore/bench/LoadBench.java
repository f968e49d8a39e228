package dev.lore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * The team server under load as a team runs it: {@code lore http} with tokens, 32 MCP clients over Streamable HTTP
 * (four users' tokens, each user's clients in one namespace of their own and one shared by all) mixing saves (40%),
 * searches (40%) and recall (20%) for three minutes ({@code -Dload.clients}, {@code -Dload.seconds}). Reports errors,
 * throughput and latency per kind of call, then reads back every save the server acknowledged, by its id, and counts
 * those missing or not saying what was saved.
 * <p>
 * {@code -Dload.fault=postgres} restarts PostgreSQL half-way (team flavor; Lore itself keeps running);
 * {@code -Dload.fault=kill} kills Lore with SIGKILL half-way and starts it again on the same store. A client whose call
 * fails connects again; errors are counted apart for the fault's window (from the fault until the server answers
 * again, plus five seconds) and outside it, where there must be none.
 */
public final class LoadBench {

    static final String[] USERS = { "ana", "ben", "chloe", "dev" };
    static final String SHARED = "shared";
    static final String[] TOPICS = { "the build cache", "the payment retries", "the staging database",
        "the deploy pipeline", "the on-call rota", "the search index", "the feature flags", "the load balancer" };

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("load.clients", 32);
        int seconds = Integer.getInteger("load.seconds", 180);
        try (TestStores.Store store = TestStores.fresh()) {
            Map<String, String> tokens = new ConcurrentHashMap<>();
            for (String user : USERS) {
                LoreProcess.Ran made = LoreProcess.run(store, Map.of(), "token", "create", "--user", user,
                        "--namespaces", user + "-team," + SHARED);
                if (made.exitCode() != 0) {
                    throw new IllegalStateException("lore token create failed: " + made.stderr());
                }
                tokens.put(user, made.stdout().strip());
            }
            LoreProcess lore = LoreProcess.httpWithTokens(store);
            try {
                System.out.printf("Load bench, %s flavor: %d clients for %d s through lore http with tokens%n",
                        TestStores.FLAVOR, clients, seconds);
                run(store, lore, tokens, clients, seconds);
            } finally {
                lore.close();
            }
        }
    }

    private static void run(TestStores.Store store, LoreProcess first, Map<String, String> tokens, int clients,
            int seconds) throws Exception {
        AtomicReference<LoreProcess> lore = new AtomicReference<>(first);
        String fault = System.getProperty("load.fault", "none");
        AtomicLong faultFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong faultUntil = new AtomicLong(Long.MIN_VALUE);
        ConcurrentLinkedQueue<String> faultErrors = new ConcurrentLinkedQueue<>();
        Latencies saves = new Latencies();
        Latencies searches = new Latencies();
        Latencies recalls = new Latencies();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Saved> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String user = USERS[c % USERS.length];
            String token = tokens.get(user);
            running.add(pool.submit(() -> {
                McpClient client = client(lore.get(), token);
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        String namespace = random.nextBoolean() ? SHARED : user + "-team";
                        String topic = TOPICS[random.nextInt(TOPICS.length)];
                        double pick = random.nextDouble();
                        long start = System.nanoTime();
                        try {
                            if (pick < 0.4) {
                                int n = sequence.incrementAndGet();
                                String learning = String.format("Note %d from %s: %s needs %d minutes after a change "
                                        + "to %d services", n, user, topic, 3 + n % 97, 2 + n % 13);
                                JsonNode saved = structured(call(client, "save_learning", Json.object("title",
                                        "Note " + n, "learning", learning, "namespace", namespace)));
                                saves.add(start);
                                acknowledged.add(new Saved(saved.path("id").asText(), learning, token));
                            } else if (pick < 0.8) {
                                call(client, "search_learnings", Json.object("query", "how long does " + topic
                                        + " take after a change?", "namespace", namespace, "limit", 10));
                                searches.add(start);
                            } else {
                                client.getPrompt("recall", Map.of("query", topic, "namespace", namespace));
                                recalls.add(start);
                            }
                        } catch (RuntimeException e) {
                            long now = System.nanoTime();
                            if (now >= faultFrom.get() && (faultUntil.get() == Long.MIN_VALUE
                                    || now <= faultUntil.get())) {
                                faultErrors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            } else {
                                errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                            close(client);
                            client = reconnect(lore, token, end);
                        }
                    }
                } finally {
                    close(client);
                }
                return null;
            }));
        }
        if (!fault.equals("none")) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 2);
            faultFrom.set(System.nanoTime());
            long outage = System.nanoTime();
            if (fault.equals("postgres")) {
                restartPostgres();
            } else if (fault.equals("kill")) {
                lore.get().process().destroyForcibly().waitFor();
                lore.set(LoreProcess.httpWithTokens(store));
            } else {
                throw new IllegalArgumentException("load.fault is none, postgres or kill, not " + fault);
            }
            awaitAnswering(lore.get(), tokens.get(USERS[0]));
            System.out.printf("  fault (%s) half-way: the server answered again %.1f s later%n", fault,
                    (System.nanoTime() - outage) / 1e9);
            faultUntil.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        int calls = saves.count() + searches.count() + recalls.count();
        System.out.printf("  %,d calls in %.0f s: %.1f calls/s; %d errors%s%n", calls, elapsed, calls / elapsed,
                errors.size(), fault.equals("none") ? "" : " outside the fault's window, " + faultErrors.size()
                        + " in it");
        faultErrors.stream().map(error -> error.lines().findFirst().orElse("")).distinct().limit(3)
                .forEach(error -> System.out.println("    in the fault's window: " + error));
        errors.stream().distinct().limit(5).forEach(error -> System.out.println("    " + error));
        System.out.println("  save_learning     " + saves.summary());
        System.out.println("  search_learnings  " + searches.summary());
        System.out.println("  recall (prompt)   " + recalls.summary());
        verify(lore.get(), acknowledged);
        if (lore.get() != first) {
            lore.get().close();
        }
    }

    /** A new client once the server answers again, or, when the run is over, one that will not be used. */
    private static McpClient reconnect(AtomicReference<LoreProcess> lore, String token, long end) {
        while (true) {
            try {
                McpClient client = client(lore.get(), token);
                client.listTools();
                return client;
            } catch (RuntimeException e) {
                if (System.nanoTime() > end) {
                    return client(lore.get(), token);
                }
                sleep(200);
            }
        }
    }

    private static void awaitAnswering(LoreProcess lore, String token) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (McpClient probe = client(lore, token)) {
                call(probe, "search_learnings", Json.object("query", "are you back?", "namespace", SHARED));
                return;
            } catch (Exception e) {
                sleep(200);
            }
        }
        throw new IllegalStateException("Lore did not answer within 2 minutes of the fault");
    }

    private static void restartPostgres() throws Exception {
        Process restart = new ProcessBuilder("bash", "-c", "pg_ctlcluster --skip-systemctl-redirect "
                + "$(ls /etc/postgresql | sort -V | tail -1) main restart").inheritIO().start();
        if (restart.waitFor() != 0) {
            throw new IllegalStateException("PostgreSQL could not be restarted (pg_ctlcluster needs root here)");
        }
    }

    private static void close(McpClient client) {
        try {
            client.close();
        } catch (Exception e) {
            // a client of a server that is gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads back every acknowledged save through the server, by id, as the user who saved it. */
    private static void verify(LoreProcess lore, ConcurrentLinkedQueue<Saved> acknowledged) {
        int missing = 0;
        Map<String, McpClient> readers = new ConcurrentHashMap<>();
        try {
            for (Saved saved : acknowledged) {
                McpClient reader = readers.computeIfAbsent(saved.token(), token -> client(lore, token));
                String text;
                try {
                    text = reader.readResource("lore://learnings/" + saved.id()).toString();
                } catch (RuntimeException e) {
                    text = "";
                }
                if (!text.contains(saved.learning())) {
                    missing++;
                }
            }
        } finally {
            readers.values().forEach(reader -> {
                try {
                    reader.close();
                } catch (Exception e) {
                    // the reader's connection goes with the server
                }
            });
        }
        System.out.printf("  acknowledged saves: %,d; read back by id afterwards: %,d; missing or changed: %d%n",
                acknowledged.size(), acknowledged.size() - missing, missing);
    }

    private record Saved(String id, String learning, String token) {
    }

    static McpClient client(LoreProcess lore, String token) {
        return new DefaultMcpClient.Builder().clientName("load-bench")
                .transport(new StreamableHttpMcpTransport.Builder().url(lore.baseUrl() + "/mcp")
                        .customHeaders(Map.of("Authorization", "Bearer " + token)).timeout(Duration.ofSeconds(60))
                        .build())
                .toolExecutionTimeout(Duration.ofSeconds(60))
                .build();
    }

    static JsonNode structured(ToolExecutionResult result) {
        Object value = result.result();
        return value instanceof String text ? Json.parse(text) : Json.MAPPER.valueToTree(value);
    }

    static ToolExecutionResult call(McpClient client, String tool, String arguments) {
        return client.executeTool(ToolExecutionRequest.builder().id("1").name(tool).arguments(arguments).build());
    }
}
