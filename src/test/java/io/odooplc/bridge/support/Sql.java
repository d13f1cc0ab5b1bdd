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

    /** The MO of the active batch in a slot. */
    public String batchMo(int slot) throws SQLException {
        return strings("select mo_name from batch where slot = " + slot + " and state in"
                + " ('STAGED', 'WRITTEN', 'RUNNING', 'COMPLETED')").get(0);
    }

    public java.util.List<String> strings(String query) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String[] row : rows(query)) {
            out.add(row[0]);
        }
        return out;
    }

    public java.util.List<String[]> rows(String query) throws SQLException {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.connect(databaseUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Inserts a batch and returns its id. */
    public long batch(String mo, int slot, String state, String extraColumns, String extraValues) throws SQLException {
        String cols = "mo_name, slot, state, target_qty_kg" + (extraColumns.isEmpty() ? "" : ", " + extraColumns);
        String vals = "'" + mo + "', " + slot + ", '" + state + "', 1000" + (extraValues.isEmpty() ? "" : ", " + extraValues);
        return longValue("insert into batch (" + cols + ") values (" + vals + ") returning id");
    }
}
