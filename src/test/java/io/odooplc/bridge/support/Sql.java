package io.odooplc.bridge.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain SQL against a test database, for arranging rows and reading what the bridge wrote. */
public final class Sql {

    private final String databaseUrl;

    public Sql(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    public void exec(String... statements) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public long longValue(String query) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts a batch and returns its id. */
    public long batch(String mo, int slot, String state, String extraColumns, String extraValues) throws SQLException {
        String cols = "mo_name, slot, state, target_qty_kg" + (extraColumns.isEmpty() ? "" : ", " + extraColumns);
        String vals = "'" + mo + "', " + slot + ", '" + state + "', 1000" + (extraValues.isEmpty() ? "" : ", " + extraValues);
        return longValue("insert into batch (" + cols + ") values (" + vals + ") returning id");
    }
}
