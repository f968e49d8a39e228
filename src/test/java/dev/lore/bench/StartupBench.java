package dev.lore.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.lore.local.RuntimeFile;
import dev.lore.testing.LocalServerProcesses;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Start-up of the packaged Lore over stdio, the way an MCP client launches it: time from spawn to the initialize
 * response and to the first search's answer, and resident memory then, of the stdio process and of the shared local
 * server behind it. First ever: no server runs and none ever ran for this store and settings. Cold: no server runs
 * (one ran before, and left its answer to a handshake), the first client starts it. Warm: it runs (the usual case: it
 * stays up between sessions until idle). Then three clients launched at once. Medians and 90th percentiles of the runs.
 */
public final class StartupBench {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            """;
    private static final String FIRST_SEARCH = """
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_learnings",\
            "arguments":{"query":"how fast do you start?"}}}
            """;

    /** One client's start: milliseconds to the initialize response and to the first search's answer, memory then. */
    record Start(double initialize, double firstSearch, long frontKb, long serverKb) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 10);
        try (TestStores.Store store = TestStores.fresh()) {
            start(store); // creates and migrates the store, warms the OS file cache
            List<Start> firstEver = new ArrayList<>();
            List<Start> cold = new ArrayList<>();
            List<Start> warm = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                LocalServerProcesses.stopAll(store.localServers());
                firstEver.add(start(store));
                LocalServerProcesses.stopServers(store.localServers());
                cold.add(start(store));
                warm.add(start(store));
            }
            List<Start> together = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(3);
            try {
                for (int run = 0; run < runs; run++) {
                    List<Future<Start>> three = new ArrayList<>();
                    for (int client = 0; client < 3; client++) {
                        three.add(clients.submit(() -> start(store)));
                    }
                    for (Future<Start> one : three) {
                        together.add(one.get());
                    }
                }
            } finally {
                clients.shutdown();
            }
            System.out.printf("Lore stdio start-up, %s flavor, %d runs each (java %s, %d cores)%n", TestStores.FLAVOR,
                    runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            report("first ever (no local server, none ran before)", firstEver);
            report("cold (no local server; one ran before)", cold);
            report("warm (the local server runs)", warm);
            report("three clients at once, warm", together);
        }
    }

    private static void report(String kind, List<Start> starts) {
        List<Double> initialize = starts.stream().map(Start::initialize).toList();
        List<Double> search = starts.stream().map(Start::firstSearch).toList();
        System.out.printf("  %s%n", kind);
        System.out.printf("    spawn -> initialize response   median %6.0f ms   p90 %6.0f   max %6.0f%n",
                percentile(initialize, 50), percentile(initialize, 90), Collections.max(initialize));
        System.out.printf("    spawn -> first search answer   median %6.0f ms   p90 %6.0f   max %6.0f%n",
                percentile(search, 50), percentile(search, 90), Collections.max(search));
        System.out.printf("    resident memory: stdio process median %d MB, shared server %d MB%n",
                (long) percentile(starts.stream().map(s -> (double) s.frontKb()).toList(), 50) / 1024,
                (long) percentile(starts.stream().map(s -> (double) s.serverKb()).toList(), 50) / 1024);
    }

    private static Start start(TestStores.Store store) throws IOException, InterruptedException {
        try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
            long start = System.nanoTime();
            OutputStream in = lore.stdin();
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(lore.process().getInputStream(), StandardCharsets.UTF_8));
            in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
            in.flush();
            out.readLine();
            double initialize = (System.nanoTime() - start) / 1e6;
            in.write(FIRST_SEARCH.getBytes(StandardCharsets.UTF_8));
            in.flush();
            out.readLine();
            double firstSearch = (System.nanoTime() - start) / 1e6;
            long frontKb = residentKb(lore.process().pid());
            long serverKb = LocalServerProcesses.running(store.localServers()).stream().mapToLong(RuntimeFile::pid)
                    .map(StartupBench::residentKb).sum();
            in.close();
            lore.process().waitFor();
            return new Start(initialize, firstSearch, frontKb, serverKb);
        }
    }

    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0; // the process has exited
        }
        return 0;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
