package io.odooplc.bridge.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's PostgreSQL: one connection pool that tolerates a database that is down (at start or later) and a
 * schema migrated by Flyway as soon as the database answers.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final String description;
    private final AtomicBoolean migrated = new AtomicBoolean();

    public Database(String jdbcUrl, String user, String password, String description) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("bridge-db");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(3000);
        config.setValidationTimeout(2000);
        // Start even when PostgreSQL is down: tasks fail their runs and health says DOWN until it is back.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("socketTimeout", "60");
        this.dataSource = new HikariDataSource(config);
        this.description = description;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    /**
     * Starts {@link #migrate()} on a thread of its own and returns the listener that waits for it before Camel starts
     * any route. Flyway mostly waits on PostgreSQL (a fresh schema took 0.8 s on the benchmark), time Camel uses to
     * load and build the routes meanwhile; no route runs against a schema still being migrated.
     */
    public StartupListener migrateBeforeRoutesStart() {
        CompletableFuture<Boolean> migration = CompletableFuture.supplyAsync(this::migrate, task -> {
            Thread thread = new Thread(task, "bridge-db-migrate");
            thread.setDaemon(true);
            thread.start();
        });
        return new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
                migration.join();
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // Waited for in onCamelContextStarting, before the routes start.
            }
        };
    }

    /** Migrates the schema once; returns false (and logs why) while the database cannot be reached. */
    public boolean migrate() {
        if (migrated.get()) {
            return true;
        }
        synchronized (migrated) {
            if (migrated.get()) {
                return true;
            }
            try {
                // The class loader that loaded the bridge holds the migrations, also when camel run loads the jar.
                var result = Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                        .load().migrate();
                // Flyway names no target version when nothing was applied: the schema stayed at the initial one.
                LOG.info("Database {} schema at version {} ({} migrations applied)", description,
                        Objects.requireNonNullElse(result.targetSchemaVersion, result.initialSchemaVersion),
                        result.migrationsExecuted);
                migrated.set(true);
                return true;
            } catch (RuntimeException e) {
                LOG.error("Database {} not ready: {}", description, rootMessage(e));
                return false;
            }
        }
    }

    /** Throws a clear exception when the database is unreachable or not migrated yet. */
    public void ensureReady() {
        if (!migrate()) {
            throw new DatabaseUnavailableException("Database " + description + " is not reachable");
        }
    }

    /** A cheap liveness probe for health checks. */
    public void ping() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
        }
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
