package dev.lore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between Lore and its database that a test can cut and restore: a real outage as Lore sees it (every
 * open connection dropped, new ones refused) without stopping a database other tests share.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listening;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listening = listen(0);
        this.port = listening.getLocalPort();
    }

    /** A relay on a free loopback port to the given host and port, accepting at once. */
    public static TcpProxy to(String host, int targetPort) {
        try {
            return new TcpProxy(new InetSocketAddress(host, targetPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Drops every connection going through and refuses new ones, until {@link #restore}. */
    public synchronized void cut() {
        if (listening != null) {
            closeQuietly(listening);
            listening = null;
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts and relays connections again, on the same port. */
    public synchronized void restore() {
        if (listening == null) {
            try {
                listening = listen(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        cut();
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        daemon("tcp-proxy-accept", () -> accept(server));
        return server;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to) {
        daemon("tcp-proxy-relay", () -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // the other side closed, or the proxy was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
