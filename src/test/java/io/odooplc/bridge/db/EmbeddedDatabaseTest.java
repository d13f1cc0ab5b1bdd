package io.odooplc.bridge.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @Test
    void aRestartKeepsTheRows(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(data, 0); Database db = open(pg)) {
            assertThat(db.migrate()).isTrue();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into task_run (task, instance, trigger, outcome) values ('t', 'i', 'MANUAL', 'OK')");
            }
        }
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(data, 0); Database db = open(pg)) {
            assertThat(db.migrate()).isTrue();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from task_run where task = 't'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static Database open(EmbeddedDatabase pg) {
        return new Database(pg.jdbcUrl(), "postgres", "postgres", "test");
    }
}
