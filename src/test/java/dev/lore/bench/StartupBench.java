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

import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Start-up of the packaged server over stdio, the way an MCP client launches it: time from spawn to the initialize
 * response, to the first tool answer (the store open), and the resident memory then. Median of the runs.
 */
public final class StartupBench {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            """;
    private static final String FIRST_CALL = """
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_learnings",\
            "arguments":{"query":"how fast do you start?"}}}
            """;

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 10);
        List<Double> initialize = new ArrayList<>();
        List<Double> firstAnswer = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        try (TestStores.Store store = TestStores.fresh()) {
            for (int run = 0; run < runs + 1; run++) {
                try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
                    long start = System.nanoTime();
                    OutputStream in = lore.stdin();
                    BufferedReader out = new BufferedReader(
                            new InputStreamReader(lore.process().getInputStream(), StandardCharsets.UTF_8));
                    in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    out.readLine();
                    double init = (System.nanoTime() - start) / 1e6;
                    in.write(FIRST_CALL.getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    out.readLine();
                    double first = (System.nanoTime() - start) / 1e6;
                    long kb = residentKb(lore.process().pid());
                    in.close();
                    lore.process().waitFor();
                    if (run > 0) { // the first run warms the OS file cache and creates the store
                        initialize.add(init);
                        firstAnswer.add(first);
                        rss.add(kb);
                    }
                }
            }
        }
        System.out.printf("Lore stdio start-up, %s flavor, %d runs (java %s, %d cores)%n", TestStores.FLAVOR, runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("  spawn -> initialize response   median %6.0f ms   min %6.0f   max %6.0f%n",
                median(initialize), Collections.min(initialize), Collections.max(initialize));
        System.out.printf("  spawn -> first tool answer     median %6.0f ms   min %6.0f   max %6.0f%n",
                median(firstAnswer), Collections.min(firstAnswer), Collections.max(firstAnswer));
        System.out.printf("  resident memory after it       median %6d MB%n", (long) median(
                rss.stream().map(Long::doubleValue).toList()) / 1024);
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
