package dev.lore.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Tells a database that cannot be reached (PostgreSQL restarting, the network to it down, the pool out of
 * connections for longer than it waits) from every other failure, so that a caller is told to try again rather than
 * handed an internal error. Nothing is acknowledged in that case: the write's transaction never committed.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    /** Seconds a client is asked to wait before it tries again (HTTP {@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** What a caller is told: the database's address and the driver's words are for the operator's log only. */
    public static final String MESSAGE = "Lore's database cannot be reached right now, so this call did not complete "
            + "and changed nothing. Try again in a few seconds";

    /**
     * What to tell the caller ({@link #MESSAGE}) when the failure, or one of its causes, is the database being out of
     * reach, which is logged with the driver's reason ("Connection refused"); empty for any other failure.
     */
    public static Optional<String> messageFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isConnectionFailure(cause)) {
                LOG.warnf("The database cannot be reached: %s", reasonOf(cause));
                return Optional.of(MESSAGE);
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P01-57P03: the server shutting down, crashed, or not yet accepting
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            // the pool waited its acquisition timeout for a connection it could not make
            return sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout");
        }
        return false;
    }

    private static String reasonOf(Throwable cause) {
        Throwable innermost = cause;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? cause.getMessage() : innermost.getMessage();
        if (message == null) {
            return innermost.getClass().getSimpleName();
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return firstLine.endsWith(".") ? firstLine.substring(0, firstLine.length() - 1) : firstLine;
    }
}
