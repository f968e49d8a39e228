package dev.lore.mcp;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.StartupEvent;

/**
 * Stands between the process's stdin/stdout and the stdio transport of quarkus-mcp-server, which on its own stops
 * reading after a malformed line, drops requests still running when stdin closes, and decodes stdin with the
 * platform charset (ASCII under a POSIX locale on JDK 17).
 * <ul>
 * <li>A line that is not JSON is answered with a JSON-RPC parse error (-32700) here and never reaches the transport,
 * so the server keeps serving.</li>
 * <li>Every line passed on is re-encoded as ASCII-only JSON, so the transport decodes it the same under any locale;
 * what the server writes back is encoded as UTF-8.</li>
 * <li>When stdin closes, the transport is told (and shuts Lore down) only once every request already received has
 * been answered, or after {@link #DRAIN_TIMEOUT}.</li>
 * <li>The transport starts reading while Quarkus still boots, possibly before the store is migrated: a request that
 * uses the store (anything but the handshake, pings and listings) is held, with every line after it, until Quarkus
 * has started ({@link Opener}).</li>
 * </ul>
 */
public final class StdioGuard {

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PARSE_ERROR = -32700;
    private static final Set<String> ANSWERED_WHILE_STARTING = Set.of("initialize", "ping");
    private static final CountDownLatch STARTED = new CountDownLatch(1);

    private final ObjectMapper json = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final LineQueueInputStream toTransport = new LineQueueInputStream();
    private final ProtocolOut protocolOut;

    private StdioGuard(PrintStream stdout) {
        this.protocolOut = new ProtocolOut(stdout);
    }

    /** Takes over the process's stdin and stdout; call before Quarkus boots. */
    public static void install() {
        StdioGuard guard = new StdioGuard(
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        InputStream clientIn = new FileInputStream(FileDescriptor.in);
        System.setOut(guard.protocolOut);
        System.setIn(guard.toTransport);
        Thread reader = new Thread(() -> guard.pump(clientIn), "lore-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream clientIn) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    forward(line);
                }
            }
        } catch (IOException e) {
            System.err.println("lore: reading stdin failed: " + e.getMessage());
        }
        awaitAnswers();
        toTransport.close();
    }

    private void forward(String line) {
        JsonNode message;
        try {
            message = json.readTree(line);
        } catch (JsonProcessingException e) {
            answerParseError(e);
            return;
        }
        track(message);
        if (usesTheStore(message)) {
            awaitStart();
        }
        try {
            toTransport.offer(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            answerParseError(e);
        }
    }

    private void track(JsonNode message) {
        if (message.isArray()) {
            message.forEach(this::track);
        } else if (message.hasNonNull("method") && message.has("id")) {
            unanswered.add(message.get("id").toString());
        } else if ("notifications/cancelled".equals(message.path("method").asText())) {
            answered(message.path("params").path("requestId"));
        }
    }

    private static boolean usesTheStore(JsonNode message) {
        if (message.isArray()) {
            for (JsonNode one : message) {
                if (usesTheStore(one)) {
                    return true;
                }
            }
            return false;
        }
        String method = message.path("method").asText("");
        return message.has("id") && !method.isEmpty() && !ANSWERED_WHILE_STARTING.contains(method)
                && !method.endsWith("/list");
    }

    private static void awaitStart() {
        try {
            if (!STARTED.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("lore: not started after " + START_TIMEOUT.toSeconds() + " s; passing requests on");
                STARTED.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets held requests through once Quarkus has started: the store is migrated and every bean is ready. */
    @Singleton
    static class Opener {
        void started(@Observes StartupEvent event) {
            STARTED.countDown();
        }
    }

    private void answered(JsonNode id) {
        if (!id.isMissingNode() && unanswered.remove(id.toString()) && unanswered.isEmpty()) {
            synchronized (unanswered) {
                unanswered.notifyAll();
            }
        }
    }

    private void awaitAnswers() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        synchronized (unanswered) {
            while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
                try {
                    unanswered.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!unanswered.isEmpty()) {
            System.err.println("lore: stdin closed; gave up waiting for " + unanswered.size() + " request(s)");
        }
    }

    private void answerParseError(JsonProcessingException cause) {
        ObjectNode error = json.createObjectNode();
        error.put("jsonrpc", "2.0");
        error.putNull("id");
        error.putObject("error").put("code", PARSE_ERROR)
                .put("message", "Parse error: the line is not valid JSON (" + cause.getOriginalMessage() + ")");
        protocolOut.println(error.toString());
    }

    /** The stream the transport writes responses to; it notes which requests have been answered. */
    private final class ProtocolOut extends PrintStream {

        ProtocolOut(PrintStream stdout) {
            super(stdout, true, StandardCharsets.UTF_8);
        }

        @Override
        public void println(String message) {
            super.println(message);
            noteAnswer(message);
        }

        private void noteAnswer(String message) {
            try {
                JsonNode node = json.readTree(message);
                if (node.has("id") && (node.has("result") || node.has("error"))) {
                    answered(node.get("id"));
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // not a protocol message: nothing to note
            }
        }
    }

    /** What the transport reads as its stdin: the lines this guard lets through, then end of file. */
    private static final class LineQueueInputStream extends InputStream {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        void offer(String line) {
            lines.add((line + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void close() {
            lines.add(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = lines.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for stdin", e);
                }
                position = 0;
                ended = current == END;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return current.length - position;
        }
    }
}
