package io.odooplc.bridge.failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Reads stored equipment failures for the failures API, with whether and when Odoo got them. */
public class FailureQueries {

    /** The values of {@code equipment_failure.odoo_status}. */
    public static final List<String> ODOO_STATUSES = List.of("PENDING", "SENT", "REJECTED");

    /** A page of failures and how many match in all. */
    public record Page(long total, List<Map<String, Object>> items) {
    }

    private static final String FILTER = " where (?::text is null or odoo_status = ?)";

    private final DataSource dataSource;

    public FailureQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Newest failure first; {@code odooStatus} null for all. */
    public Page list(String odooStatus, int limit, int offset) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from equipment_failure" + FILTER)) {
                ps.setString(1, odooStatus);
                ps.setString(2, odooStatus);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select id, equipment_code, description, failure_at,"
                    + " read_at, odoo_status, odoo_attempts, odoo_next_attempt_at, odoo_last_error, odoo_sent_at"
                    + " from equipment_failure" + FILTER + " order by failure_at desc, id desc limit ? offset ?")) {
                ps.setString(1, odooStatus);
                ps.setString(2, odooStatus);
                ps.setInt(3, limit);
                ps.setInt(4, offset);
                return new Page(total, items(ps));
            }
        }
    }

    private static List<Map<String, Object>> items(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", rs.getLong("id"));
                item.put("equipmentCode", rs.getString("equipment_code"));
                item.put("description", rs.getString("description"));
                // The PLC's own clock, without zone, as the operator saw it on the panel.
                item.put("failureAt", rs.getTimestamp("failure_at").toLocalDateTime().toString());
                item.put("readAt", instant(rs.getTimestamp("read_at")));
                item.put("odooStatus", rs.getString("odoo_status"));
                item.put("odooAttempts", rs.getInt("odoo_attempts"));
                item.put("odooNextAttemptAt", instant(rs.getTimestamp("odoo_next_attempt_at")));
                item.put("odooLastError", rs.getString("odoo_last_error"));
                item.put("odooSentAt", instant(rs.getTimestamp("odoo_sent_at")));
                out.add(item);
            }
        }
        return out;
    }

    private static String instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant().toString();
    }
}
