package dev.lore.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * A process that learns from queued conversations, known as {@code host/pid@start} (the start tells a process from a
 * later one that was given the same pid): what a claimed job records, so that a starting Lore can tell a job whose
 * process is gone from one another Lore is running.
 */
record Worker(String host, long pid, long startMillis) {

    static final Worker THIS_PROCESS = new Worker(hostName(), ProcessHandle.current().pid(),
            startOf(ProcessHandle.current()).orElse(0L));

    String id() {
        return host + "/" + pid + "@" + startMillis;
    }

    /**
     * Whether the process that claimed a job is known to be gone: one of this machine that no longer runs. A job that
     * no process claimed by name (queued by an earlier version) counts as gone; one of another machine does not.
     */
    static boolean isGone(String claimedBy) {
        Optional<Worker> worker = parse(claimedBy);
        if (worker.isEmpty()) {
            return true;
        }
        if (!worker.get().host.equals(THIS_PROCESS.host)) {
            return false;
        }
        return ProcessHandle.of(worker.get().pid).filter(ProcessHandle::isAlive)
                .flatMap(Worker::startOf).map(start -> start != worker.get().startMillis).orElse(true);
    }

    static Optional<Worker> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int slash = id.lastIndexOf('/');
        int at = id.lastIndexOf('@');
        if (slash < 0 || at < slash) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Worker(id.substring(0, slash), Long.parseLong(id.substring(slash + 1, at)),
                    Long.parseLong(id.substring(at + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    /** The machine's name, from the environment first: looking it up can wait on DNS. */
    private static String hostName() {
        for (String variable : new String[] { "HOSTNAME", "COMPUTERNAME" }) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
