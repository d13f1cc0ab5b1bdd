package io.odooplc.bridge.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.odooplc.bridge.db.EmbeddedDatabase;

/** One real embedded PostgreSQL for the whole test JVM; each test class gets a fresh database in it. */
public final class TestDatabase {

    private static EmbeddedDatabase server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    private static synchronized EmbeddedDatabase server() throws Exception {
        if (server == null) {
            Path dir = Files.createTempDirectory("bridge-test-pg");
            server = EmbeddedDatabase.start(dir.resolve("data"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Creates an empty database and returns its URL in the {@code postgresql://user:pw@host:port/db} form. */
    public static String freshDatabaseUrl() {
        try {
            EmbeddedDatabase pg = server();
            String name = "bridge_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return "postgresql://postgres:postgres@127.0.0.1:" + pg.port() + "/" + name;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare a test database", e);
        }
    }

    public static Connection connect(String databaseUrl) throws SQLException {
        String jdbc = "jdbc:" + databaseUrl.replace("postgres:postgres@", "");
        return DriverManager.getConnection(jdbc, "postgres", "postgres");
    }
}
