package dev.lore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh, empty stores for tests, on the flavor this build is for: a SQLite file in a new temporary folder (local),
 * or a new database on the local PostgreSQL server (team). Each test run gets its own; nothing is shared.
 */
public final class TestStores {

    public static final String FLAVOR = System.getProperty("lore.flavor", "local");
    private static final String PG_ADMIN_URL = setting("lore.test.pg.url", "LORE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = setting("lore.test.pg.user", "LORE_TEST_PG_USER", "postgres");

    private TestStores() {
    }

    public static boolean isLocal() {
        return "local".equals(FLAVOR);
    }

    /** A new empty store; close it to remove it (unless -Dscale.keep=true keeps it for another run). */
    public static Store fresh() {
        Store store = isLocal() ? freshSqlite() : freshPostgres();
        return withLocalServers(Boolean.getBoolean("scale.keep") ? kept(store) : store);
    }

    /** A store made by an earlier run with -Dscale.keep=true: a SQLite file's path, or a database's name. */
    public static Store existing(String name) {
        return withLocalServers(kept(isLocal() ? sqliteAt(Path.of(name)) : postgres(name)));
    }

    /**
     * The store, with a folder of its own for the shared local servers that stdio clients of it start: closing the
     * store stops them, so no server of a test outlives its run.
     */
    private static Store withLocalServers(Store store) {
        Path runDir;
        try {
            runDir = Files.createTempDirectory("lore-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Store() {
            @Override
            public Map<String, String> config() {
                return store.config();
            }

            @Override
            public Map<String, String> environment() {
                Map<String, String> env = new java.util.HashMap<>(store.environment());
                env.put("LORE_LOCAL_RUN_DIR", runDir.toString());
                return env;
            }

            @Override
            public Path localServers() {
                return runDir;
            }

            @Override
            public Connection connect() throws SQLException {
                return store.connect();
            }

            @Override
            public void close() {
                LocalServerProcesses.stopAll(runDir);
                store.close();
            }
        };
    }

    private static Store kept(Store store) {
        System.out.println("Store kept: " + store.config());
        return new Store() {
            @Override
            public Map<String, String> config() {
                return store.config();
            }

            @Override
            public Connection connect() throws SQLException {
                return store.connect();
            }

            @Override
            public void close() {
            }
        };
    }

    /** A store: the configuration that points Lore at it, as Quarkus properties. */
    public interface Store extends AutoCloseable {
        Map<String, String> config();

        /** The same configuration as environment variables, for a Lore process. */
        default Map<String, String> environment() {
            Map<String, String> env = new java.util.HashMap<>();
            config().forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
            return env;
        }

        /** The folder where the shared local servers of this store's stdio clients tell where they listen. */
        default Path localServers() {
            throw new UnsupportedOperationException("a store without local servers");
        }

        /** A JDBC connection to the store, to check what was written. */
        Connection connect() throws SQLException;

        @Override
        void close();
    }

    private static Store freshSqlite() {
        try {
            return sqliteAt(Files.createTempDirectory("lore-test-").resolve("lore.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Store sqliteAt(Path db) {
        Path folder = db.getParent();
        return new Store() {
            @Override
            public Map<String, String> config() {
                return Map.of("lore.db.path", db.toString());
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + db);
            }

            @Override
            public void close() {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Store freshPostgres() {
        String name = "lore_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return postgres(name);
    }

    private static Store postgres(String name) {
        String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new Store() {
            @Override
            public Map<String, String> config() {
                return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", PG_USER);
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url, PG_USER, "");
            }

            @Override
            public void close() {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + " (run scripts/postgres.sh): " + sql, e);
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }
}
