package dev.lore.local;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What an MCP client launches over stdio: a thin front that passes each message to the user's shared local Lore
 * ({@link LocalServers}) over Streamable HTTP and each answer back, without starting Quarkus, a database or a model of
 * its own. It keeps the promises of a stdio server:
 * <ul>
 * <li>stdout carries the protocol and nothing else; what goes wrong is said on stderr;</li>
 * <li>a line that is not JSON gets a parse error (-32700) and the front keeps serving;</li>
 * <li>when stdin closes, every request already received is answered first (for up to {@link #DRAIN_TIMEOUT}), then
 * the session ends and the process exits;</li>
 * <li>when the shared server stops (killed, or stopped by another version), a request it never received is passed on
 * to a new one in a new session made with the client's own handshake; one it was handling gets an error, and the next
 * request goes to the new one.</li>
 * </ul>
 * Messages are passed on in the order they arrive; requests are answered as soon as each is done.
 */
public final class StdioFront {

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int PARSE_ERROR = -32700;
    private static final int INTERNAL_ERROR = -32603;
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    /** The ids of the handshakes this front makes again for a new session: their answers are its own. */
    private static final String REPLAY_ID = "lore-front-handshake-";

    private final LocalServers servers;
    private final PrintStream protocolOut;
    private final PrintStream diagnostics;
    private final ExecutorService requests = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lore-request");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final boolean serverMessages;

    private volatile RuntimeFile server;
    private volatile String sessionId;
    private volatile String protocolVersion;
    private volatile Message handshake;
    /** How many sessions this front has made: a failed message names the one it was sent in. */
    private volatile int generation;
    private volatile boolean closing;
    /** The shared server, started (or found) as the front starts; the client's first messages need not wait for it. */
    private volatile CompletableFuture<RuntimeFile> starting;
    /** Whether the front answered the client's handshake itself, from the server's last answer to one. */
    private volatile boolean answeredEarly;

    /**
     * @param serverMessages whether to pass on what the server sends on its own (notifications, its requests): a
     *        client does want them; a one-off tool call does not, and a thread blocked reading them would hold the
     *        JVM's exit back for a while
     */
    StdioFront(LocalServers servers, PrintStream protocolOut, PrintStream diagnostics, boolean serverMessages) {
        this.servers = servers;
        this.protocolOut = protocolOut;
        this.diagnostics = diagnostics;
        this.serverMessages = serverMessages;
    }

    /** Serves this process's stdin and stdout until stdin closes, through the given server; returns the exit code. */
    public static int serve(LocalServers servers) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // nothing else may write to the protocol
        StdioFront front = new StdioFront(servers, stdout, System.err, true);
        return front.run(System.in);
    }

    int run(InputStream clientIn) {
        starting = CompletableFuture.supplyAsync(() -> servers.ensure(null), requests);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !receive(line)) {
                    return 1;
                }
            }
        } catch (IOException e) {
            diagnostics.println("lore: reading stdin failed: " + e.getMessage());
        }
        closing = true;
        awaitAnswers();
        endSession();
        return 0;
    }

    /** Passes one line on; says whether to go on (not when the shared server could not start). */
    private boolean receive(String line) {
        Message message;
        try {
            message = Message.read(line);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            answerError(null, PARSE_ERROR, "Parse error: the line is not valid JSON (" + reason + ")");
            return true;
        }
        boolean opening = "initialize".equals(message.method());
        if (opening) {
            handshake = message;
        }
        if ("notifications/cancelled".equals(message.method()) && message.cancelled() != null) {
            unanswered.remove(message.cancelled());
        }
        if (message.request()) {
            unanswered.add(message.id());
        }
        if (server == null) {
            if (opening && answerFromLastHandshake(message)) {
                return true;
            }
            if (!serverStarted()) {
                return false;
            }
        }
        send(message, opening, true);
        return true;
    }

    /**
     * Answers a handshake the way the shared server answered the last one asked for the same protocol version (same
     * build and settings: the file is the server's own), without waiting for the server, which may still be starting:
     * a client that waits for its handshake before anything else (some give up after a few seconds) is answered at
     * once. The server gets the client's handshake once it is up, before the next message.
     */
    private boolean answerFromLastHandshake(Message opening) {
        try {
            List<String> last = Files.readAllLines(servers.handshakeFile(), StandardCharsets.UTF_8);
            if (last.size() != 2 || !last.get(0).equals(opening.protocolVersion())) {
                return false;
            }
            answer(Message.read(last.get(1)).withId(opening.id()));
            answeredEarly = true;
            return true;
        } catch (IOException e) {
            return false; // no handshake on file yet, or one this front cannot read: the server answers this one
        }
    }

    /**
     * Waits for the shared server this front started with, and gives it the client's handshake when the front
     * answered that itself; says whether the server is there.
     */
    private boolean serverStarted() {
        try {
            server = starting.join();
        } catch (CompletionException e) {
            diagnostics.println("lore: could not start: " + (e.getCause() == null ? e : e.getCause()).getMessage());
            return false;
        }
        if (answeredEarly) {
            answeredEarly = false;
            try {
                send(handshake.withId("\"" + REPLAY_ID + generation + "\""), true, true);
            } catch (IOException e) {
                diagnostics.println("lore: could not reach Lore's local server: " + e.getMessage());
                return false;
            }
            return sessionId != null;
        }
        return true;
    }

    /**
     * Sends one message. The handshake and messages that are not requests are answered at once, in order; a request's
     * answer is read on a thread of its own, so a long tool call holds up nothing.
     *
     * @param opening whether it is a handshake, whose answer names the session
     * @param retry whether a message the server never handled may be sent again, in a new session
     */
    private void send(Message message, boolean opening, boolean retry) {
        int seen = generation;
        HttpURLConnection exchange;
        try {
            exchange = post(message);
        } catch (ConnectException e) {
            resend(message, opening, retry, seen, false, e);
            return;
        } catch (IOException e) {
            failed(message, e);
            return;
        }
        if (message.request() && !opening) {
            requests.execute(() -> relay(message, exchange, opening, retry, seen));
        } else {
            relay(message, exchange, opening, retry, seen);
        }
    }

    /** Opens the exchange and writes the message; throws {@link ConnectException} when nothing listens. */
    private HttpURLConnection post(Message message) throws IOException {
        HttpURLConnection exchange = open(server, "POST");
        exchange.setDoOutput(true);
        exchange.setRequestProperty("Content-Type", "application/json");
        exchange.setRequestProperty("Accept", "application/json, text/event-stream");
        exchange.connect();
        try (OutputStream body = exchange.getOutputStream()) {
            body.write(message.json().getBytes(StandardCharsets.UTF_8));
        }
        return exchange;
    }

    private void relay(Message message, HttpURLConnection exchange, boolean opening, boolean retry, int seen) {
        try {
            int status = exchange.getResponseCode();
            boolean foreign = status == HttpURLConnection.HTTP_UNAUTHORIZED;
            if (foreign || status == HttpURLConnection.HTTP_NOT_FOUND && !opening) {
                resend(message, opening, retry, seen, foreign, new IOException(foreign
                        ? "the process on port " + exchange.getURL().getPort() + " refused this user's token"
                        : "the server no longer knows this session"));
                return;
            }
            if (opening) {
                sessionId = exchange.getHeaderField(SESSION_HEADER);
            }
            if (status == HttpURLConnection.HTTP_ACCEPTED) {
                if (serverMessages && "notifications/initialized".equals(message.method())) {
                    listenToServer();
                }
                return;
            }
            if (status != HttpURLConnection.HTTP_OK) {
                failed(message, new IOException("HTTP " + status));
                return;
            }
            String type = String.valueOf(exchange.getContentType());
            try (InputStream body = exchange.getInputStream()) {
                if (type.startsWith("text/event-stream")) {
                    readEvents(body, false);
                } else {
                    deliver(new String(body.readAllBytes(), StandardCharsets.UTF_8), opening);
                }
            }
        } catch (ConnectException e) { // a kept-alive connection to a server that died, then no server to try again
            resend(message, opening, retry, seen, false, e);
        } catch (IOException e) {
            failed(message, e);
        }
    }

    /**
     * A message the server never handled: nothing listened on its port, the port now belongs to another process
     * ({@code foreign}), or the server no longer knows the session. It goes to a server that does, in a new session,
     * once; after that, a request gets an error.
     */
    private void resend(Message message, boolean opening, boolean retry, int seen, boolean foreign,
            IOException cause) {
        if (retry && reconnect(seen, foreign, !opening)) {
            send(message, opening, false);
        } else if (message.request()) {
            answerError(message.id(), INTERNAL_ERROR, "Lore's local server cannot be reached: " + cause.getMessage());
        }
    }

    /** Passes each event of a stream on to the client, as one line each. */
    private void readEvents(InputStream stream, boolean fromServer) throws IOException {
        BufferedReader events = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            } else if (line.isEmpty() && data.length() > 0) {
                deliver(data.toString(), false);
                data.setLength(0);
            }
        }
        if (fromServer && !closing) {
            diagnostics.println("lore: the server's message stream ended");
        }
    }

    private void deliver(String json, boolean handshakeAnswer) throws IOException {
        Message message = Message.read(json);
        if ("SubsidiarySse".equals(message.logger())) {
            return; // the HTTP transport's note that the front's message stream opened: nothing the client asked for
        }
        if (handshakeAnswer) {
            protocolVersion = message.protocolVersion();
            keepHandshake(message);
        }
        if (message.answer() && message.id() != null && message.id().startsWith("\"" + REPLAY_ID)) {
            return; // the answer to a handshake this front made again for a new server
        }
        answer(message);
    }

    /** Keeps the server's answer to the client's handshake: the next front answers with it while the server starts. */
    private void keepHandshake(Message answer) {
        if (handshake == null || handshake.protocolVersion() == null || answer.protocolVersion() == null) {
            return;
        }
        try {
            Path kept = Files.createTempFile(servers.handshakeFile().getParent(), "handshake-", ".tmp");
            Files.writeString(kept, handshake.protocolVersion() + "\n" + answer.json() + "\n", StandardCharsets.UTF_8);
            Files.move(kept, servers.handshakeFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the next front asks the server, as this one did
        }
    }

    /** Opens the stream of what the server sends on its own (notifications, its requests to the client). */
    private void listenToServer() {
        Thread serverMessages = new Thread(() -> {
            try {
                HttpURLConnection stream = open(server, "GET");
                stream.setRequestProperty("Accept", "text/event-stream");
                if (stream.getResponseCode() == HttpURLConnection.HTTP_OK) {
                    readEvents(stream.getInputStream(), true);
                }
            } catch (IOException e) {
                // the server stopped: the next request finds it gone and reconnects
            }
        }, "lore-server-messages");
        serverMessages.setDaemon(true);
        serverMessages.start();
    }

    /**
     * Starts a new session on a server (a new one when the old one is gone) with the client's own handshake, so that
     * the session still speaks for the same client; says whether it could. Requests that find the session gone at the
     * same moment reconnect once: the first does it, the others find it done.
     *
     * @param seen the session generation the failed message was sent in
     * @param foreign whether the process on the server's port refused the token: it is not this user's Lore
     * @param replay whether to make the client's handshake again (not when the message to send again is that one)
     */
    private synchronized boolean reconnect(int seen, boolean foreign, boolean replay) {
        if (generation != seen) {
            return sessionId != null || handshake == null;
        }
        try {
            if (foreign) {
                diagnostics.println("lore: the process on port " + server.port() + " is not this user's Lore ("
                        + servers.runFile() + " was stale); starting one");
            }
            server = servers.ensure(server);
            sessionId = null;
            generation++;
            if (handshake == null || !replay) {
                return true;
            }
            Message again = handshake.withId("\"" + REPLAY_ID + generation + "\"");
            relay(again, post(again), true, false, generation);
            Message initialized = Message.read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            relay(initialized, post(initialized), false, false, generation);
            return sessionId != null;
        } catch (IOException | RuntimeException e) {
            diagnostics.println("lore: could not reach Lore's local server again: " + e.getMessage());
            return false;
        }
    }

    private HttpURLConnection open(RuntimeFile target, String method) throws IOException {
        HttpURLConnection exchange = (HttpURLConnection) new URL("http://127.0.0.1:" + target.port() + "/mcp")
                .openConnection();
        exchange.setRequestMethod(method);
        exchange.setConnectTimeout(2_000);
        exchange.setRequestProperty("Authorization", "Bearer " + target.token());
        if (sessionId != null) {
            exchange.setRequestProperty(SESSION_HEADER, sessionId);
        }
        if (protocolVersion != null) {
            exchange.setRequestProperty("MCP-Protocol-Version", protocolVersion);
        }
        return exchange;
    }

    private void failed(Message message, IOException cause) {
        if (message.request()) {
            answerError(message.id(), INTERNAL_ERROR, "Lore's local server stopped while answering this request ("
                    + cause.getMessage() + "); the next request goes to a new one");
        }
    }

    private void answer(Message message) {
        answer(message.json(), message.answer() ? message.id() : null);
    }

    /** An error answer made by the front itself (the id is {@code null} for a line it could not read). */
    private void answerError(String id, int code, String text) {
        answer(Message.error(id, code, text), id);
    }

    private void answer(String json, String answeredId) {
        synchronized (protocolOut) {
            protocolOut.println(json);
        }
        if (answeredId != null) {
            unanswered.remove(answeredId);
        }
    }

    private void awaitAnswers() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!unanswered.isEmpty()) {
            diagnostics.println("lore: stdin closed; gave up waiting for " + unanswered.size() + " request(s)");
        }
    }

    /** Ends the session on the server, so that it lets go of it at once. */
    private void endSession() {
        if (sessionId == null) {
            return;
        }
        try {
            HttpURLConnection end = open(server, "DELETE");
            end.setReadTimeout(1_000);
            end.getResponseCode();
        } catch (IOException e) {
            // the server is gone already: nothing to end
        }
    }
}
