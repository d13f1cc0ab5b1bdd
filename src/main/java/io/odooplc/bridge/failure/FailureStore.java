package io.odooplc.bridge.failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Equipment failures read from the PLC, and whether Odoo has them. An event is stored once (unique per equipment,
 * time and description); rows not yet in Odoo are offered again, with backoff, until Odoo takes them (legacy #19).
 */
public class FailureStore {

    /** One stored failure waiting for Odoo. */
    public record PendingFailure(long id, String equipmentCode, String description, LocalDateTime failureAt,
            int attempts) {

        /** The failure time as Odoo's equipment-failure endpoint takes it, {@code YYYY-MM-DD HH:MM:SS} (LEGACY 3.8). */
        public String odooDate() {
            return failureAt.format(ODOO_DATE);
        }
    }

    private static final DateTimeFormatter ODOO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final DataSource dataSource;

    public FailureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the event; returns false when it was already stored (the PLC shows it again until acknowledged). */
    public boolean store(String equipmentCode, String description, LocalDateTime failureAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into equipment_failure (equipment_code, description, failure_at) values (?, ?, ?)"
                        + " on conflict on constraint uq_equipment_failure do nothing")) {
            ps.setString(1, equipmentCode);
            ps.setString(2, description);
            ps.setTimestamp(3, Timestamp.valueOf(failureAt));
            return ps.executeUpdate() == 1;
        }
    }

    /** Failures Odoo does not have yet whose next attempt is due, oldest first. */
    public List<PendingFailure> due(int limit) throws SQLException {
        List<PendingFailure> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, equipment_code, description, failure_at, odoo_attempts from equipment_failure"
                        + " where odoo_status = 'PENDING' and (odoo_next_attempt_at is null or odoo_next_attempt_at <= now())"
                        + " order by failure_at, id limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingFailure(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toLocalDateTime(), rs.getInt(5)));
                }
            }
        }
        return out;
    }

    public void sent(long id) throws SQLException {
        update("update equipment_failure set odoo_status = 'SENT', odoo_sent_at = now(), odoo_attempts = odoo_attempts + 1,"
                + " odoo_last_error = null where id = ?", id);
    }

    /** Odoo refused the report for good (e.g. unknown equipment code): no more attempts; an operator looks at it. */
    public void rejected(long id, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update equipment_failure set odoo_status = 'REJECTED', odoo_attempts = odoo_attempts + 1,"
                        + " odoo_last_error = ? where id = ?")) {
            ps.setString(1, reason);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Odoo could not take it now: try again after {@code backoff}. */
    public void retryLater(long id, String error, Duration backoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update equipment_failure set odoo_attempts = odoo_attempts + 1, odoo_last_error = ?,"
                        + " odoo_next_attempt_at = now() + make_interval(secs => ?) where id = ?")) {
            ps.setString(1, error);
            ps.setDouble(2, backoff.toMillis() / 1000.0);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private void update(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
