package io.odooplc.bridge.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test batches written straight into the bridge's database, as task 1 and task 2 would have left them, and read back
 * as a test asserts on them.
 */
public final class TestBatches {

    /** One batch row as tests look at it. */
    public record Row(long id, String moName, String state, int attempts, String lastError, boolean nextAttemptSet,
            boolean synced, boolean odooCancelled) {
    }

    private final String databaseUrl;
    private int nextSlot = 1;

    public TestBatches(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    /**
     * A batch in the given state with actual kg per equipment code (silo101..silo113 are equipment 101..113, lq114
     * and lq115 are 114 and 115); planned kg is the actual plus 1.
     */
    public long insert(String moName, String state, boolean plcFailed, BigDecimal weightKg,
            Map<String, Double> actuals) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl)) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into batch (mo_name, slot, state, product_name,"
                    + " target_qty_kg, actual_weight_kg, plc_failed) values (?, ?, ?, 'JF TEST', 1000, ?, ?)"
                    + " returning id")) {
                ps.setString(1, moName);
                ps.setInt(2, nextSlot++);
                ps.setString(3, state);
                ps.setBigDecimal(4, weightKg);
                ps.setBoolean(5, plcFailed);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            for (Map.Entry<String, Double> a : actuals.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("insert into batch_component (batch_id, equipment_id,"
                        + " equipment_code, product_name, planned_kg, actual_kg) values (?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setInt(2, Integer.parseInt(a.getKey().replaceAll("\\D", "")));
                    ps.setString(3, a.getKey());
                    ps.setString(4, "material on " + a.getKey());
                    ps.setBigDecimal(5, BigDecimal.valueOf(a.getValue() + 1));
                    ps.setBigDecimal(6, BigDecimal.valueOf(a.getValue()));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into batch_event (batch_id, to_state, note) values (?, ?, 'inserted by the test')")) {
                ps.setLong(1, id);
                ps.setString(2, state);
                ps.executeUpdate();
            }
            return id;
        }
    }

    public long completed(String moName, BigDecimal weightKg, Map<String, Double> actuals) throws SQLException {
        return insert(moName, "COMPLETED", false, weightKg, actuals);
    }

    public Row row(long id) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl); PreparedStatement ps = c.prepareStatement(
                "select id, mo_name, state, attempts, last_error, next_attempt_at is not null, synced_at is not null,"
                        + " odoo_cancelled from batch where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8));
            }
        }
    }

    /** Transitions recorded for the batch, as "FROM->TO". */
    public List<String> events(long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(databaseUrl); PreparedStatement ps = c.prepareStatement(
                "select from_state, to_state from batch_event where batch_id = ? order by id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "->" + rs.getString(2));
                }
            }
        }
        return out;
    }

    public long count(String where) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from batch where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Makes every batch a test left behind terminal, so the next test's run sees only its own batches. */
    public void retireAll() throws SQLException {
        execute("update batch set state = 'CANCELLED' where state not in ('SYNCED', 'CANCELLED')");
    }


    public void execute(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
