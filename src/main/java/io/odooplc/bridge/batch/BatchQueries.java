package io.odooplc.bridge.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/** Reads batches for the batches API, and the two operator actions on a batch: retry and cancel. */
public class BatchQueries {

    /** A page of batches and how many match in all. */
    public record Page(long total, List<Map<String, Object>> items) {
    }

    /** What an operator action did: the state it left, or why it could not. */
    public record ActionResult(boolean done, boolean found, String message) {
    }

    private static final String COLUMNS = "id, mo_name, slot, state, product_name, target_qty_kg, actual_weight_kg,"
            + " plc_failed, odoo_cancelled, attempts, next_attempt_at, last_error, created_at, state_changed_at,"
            + " synced_at, odoo_done_at";
    private static final String FILTER = " where (?::text is null or state = ?) and (?::text is null or mo_name ilike ?)";
    /** PostgreSQL's unique_violation: here, another active batch holds the slot. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public BatchQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Newest first; state exact, MO name as a case-insensitive part. */
    public Page list(BatchState state, String moName, int limit, int offset) throws SQLException {
        String stateName = state == null ? null : state.name();
        String like = moName == null ? null : "%" + moName.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from batch" + FILTER)) {
                bindFilter(ps, stateName, like);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from batch" + FILTER
                    + " order by id desc limit ? offset ?")) {
                bindFilter(ps, stateName, like);
                ps.setInt(5, limit);
                ps.setInt(6, offset);
                return new Page(total, rows(ps));
            }
        }
    }

    /** The batch with its components (planned and actual kg) and its state history; empty when there is none. */
    public Optional<Map<String, Object>> detail(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Map<String, Object>> found;
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from batch where id = ?")) {
                ps.setLong(1, id);
                found = rows(ps);
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> batch = found.get(0);
            try (PreparedStatement ps = c.prepareStatement("select equipment_id, equipment_code, product_name,"
                    + " planned_kg, actual_kg from batch_component where batch_id = ? order by equipment_id")) {
                ps.setLong(1, id);
                batch.put("components", rows(ps));
            }
            try (PreparedStatement ps = c.prepareStatement("select at, from_state, to_state, note from batch_event"
                    + " where batch_id = ? order by at, id")) {
                ps.setLong(1, id);
                batch.put("events", rows(ps));
            }
            return Optional.of(batch);
        }
    }

    /** NEEDS_ATTENTION back to COMPLETED with its attempts reset, so task 3's next run tries it at once. */
    public ActionResult retry(long id) throws SQLException {
        Optional<BatchState> current = stateOf(id);
        if (current.isEmpty()) {
            return new ActionResult(false, false, "no batch " + id);
        }
        if (current.get() != BatchState.NEEDS_ATTENTION) {
            return new ActionResult(false, true, "batch " + id + " is " + current.get()
                    + ": only a NEEDS_ATTENTION batch can be retried");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (!BatchTransitions.move(c, id, BatchState.NEEDS_ATTENTION, BatchState.COMPLETED,
                    "retry requested by an operator")) {
                c.rollback();
                return new ActionResult(false, true, "batch " + id + " changed state meanwhile");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update batch set attempts = 0, next_attempt_at = now() where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            c.commit();
            return new ActionResult(true, true, "batch " + id + " is COMPLETED again; task 3 retries it on its next run");
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return new ActionResult(false, true, "batch " + id + " cannot become active again: another active"
                        + " batch holds its PLC slot; cancel one of them");
            }
            throw e;
        }
    }

    /** An active or NEEDS_ATTENTION batch to CANCELLED. Odoo is not called: its MO stays as it is there. */
    public ActionResult cancel(long id) throws SQLException {
        Optional<BatchState> current = stateOf(id);
        if (current.isEmpty()) {
            return new ActionResult(false, false, "no batch " + id);
        }
        if (!current.get().isActive() && current.get() != BatchState.NEEDS_ATTENTION) {
            return new ActionResult(false, true, "batch " + id + " is " + current.get()
                    + ": only an active or NEEDS_ATTENTION batch can be cancelled");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (!BatchTransitions.move(c, id, current.get(), BatchState.CANCELLED,
                    "cancelled by an operator; Odoo not called")) {
                c.rollback();
                return new ActionResult(false, true, "batch " + id + " changed state meanwhile");
            }
            try (PreparedStatement ps = c.prepareStatement("update batch set next_attempt_at = null where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            c.commit();
            return new ActionResult(true, true, "batch " + id + " is CANCELLED here; its MO in Odoo was not changed");
        }
    }

    private Optional<BatchState> stateOf(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select state from batch where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(BatchState.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static void bindFilter(PreparedStatement ps, String state, String like) throws SQLException {
        ps.setString(1, state);
        ps.setString(2, state);
        ps.setString(3, like);
        ps.setString(4, like);
    }

    /** Rows as JSON-ready maps: snake_case columns to camelCase keys, timestamps as ISO-8601 text. */
    private static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof Timestamp ts) {
                        value = ts.toInstant().toString();
                    }
                    row.put(camelCase(meta.getColumnLabel(i)), value);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
