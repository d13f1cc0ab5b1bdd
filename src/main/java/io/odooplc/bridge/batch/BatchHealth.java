package io.odooplc.bridge.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.odooplc.bridge.ops.BridgeMetrics;
import io.odooplc.bridge.ops.TaskCounts;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 4: finds stuck batches (no successful PLC read of their slot for {@code BATCH_STUCK_THRESHOLD}), batches the PLC
 * reported failed, the age of the oldest completed batch not yet in Odoo, and batches that need an operator. Each
 * finding is logged once when it appears and once when it clears, and exported as metrics and a health check.
 */
public class BatchHealth {

    private static final Logger LOG = LoggerFactory.getLogger(BatchHealth.class);
    private static final String TASK = "[task4-health-monitor] ";

    // A batch's last sign of life: its last successful PLC read, or when it was written if never read (legacy #29).
    private static final String FINDINGS = """
            select id, mo_name, slot, state,
                   extract(epoch from now() - coalesce(last_plc_read_at, state_changed_at)) as silent_seconds,
                   plc_failed, failure_reason
              from batch
             where state in ('WRITTEN', 'RUNNING') or (plc_failed and state in %s)
             order by slot""".formatted(BatchState.ACTIVE_SQL);

    private static final String COUNTS = "select state, count(*) from batch group by state";

    private static final String BACKLOG = """
            select extract(epoch from now() - min(state_changed_at)) from batch where state = 'COMPLETED'""";

    /** What the last check found; read by the {@code batches} health check. */
    public record Snapshot(Instant checkedAt, Map<String, String> findings, Map<BatchState, Long> counts,
            long stuck, double backlogAgeSeconds) {
    }

    private final DataSource dataSource;
    private final Duration stuckThreshold;
    private final Map<BatchState, Long> stateCounts = new EnumMap<>(BatchState.class);
    private final AtomicReference<Snapshot> last = new AtomicReference<>();
    private volatile long stuck;
    private volatile double backlogAgeSeconds;

    public BatchHealth(DataSource dataSource, Duration stuckThreshold, BridgeMetrics metrics) {
        this.dataSource = dataSource;
        this.stuckThreshold = stuckThreshold;
        for (BatchState s : BatchState.values()) {
            stateCounts.put(s, 0L);
        }
        MeterRegistry registry = metrics.registry();
        for (BatchState s : BatchState.values()) {
            Gauge.builder("bridge_batches", () -> stateCounts.get(s)).tag("state", s.name())
                    .description("Batches by state").register(registry);
        }
        Gauge.builder("bridge_batches_stuck", () -> stuck).description("Active batches not read from the PLC lately")
                .register(registry);
        Gauge.builder("bridge_odoo_backlog_age_seconds", () -> backlogAgeSeconds)
                .description("Age of the oldest completed batch not yet posted to Odoo").register(registry);
    }

    public void check(Exchange exchange) throws SQLException {
        Map<String, String> findings = new LinkedHashMap<>();
        Map<BatchState, Long> counts = new EnumMap<>(BatchState.class);
        long stuckNow = 0;
        double backlog;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(FINDINGS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String batch = "batch " + rs.getLong("id") + " " + rs.getString("mo_name") + " (slot "
                            + rs.getInt("slot") + ", " + rs.getString("state") + ")";
                    if (rs.getBoolean("plc_failed")) {
                        findings.put("failed:" + rs.getLong("id"), batch + " reported failed by the PLC: "
                                + rs.getString("failure_reason"));
                    } else if (rs.getDouble("silent_seconds") > stuckThreshold.toSeconds()) {
                        stuckNow++;
                        findings.put("stuck:" + rs.getLong("id"), batch + " appears stuck: no successful PLC read for "
                                + Math.round(rs.getDouble("silent_seconds") / 60) + " min");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(COUNTS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(BatchState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(BACKLOG); ResultSet rs = ps.executeQuery()) {
                rs.next();
                backlog = rs.getDouble(1);
            }
        }
        long attention = counts.getOrDefault(BatchState.NEEDS_ATTENTION, 0L);
        if (attention > 0) {
            findings.put("needs-attention:" + attention, attention + " batch(es) need an operator: GET "
                    + "/api/batches?state=NEEDS_ATTENTION");
        }
        publish(findings, counts, stuckNow, backlog);
        TaskCounts.put(exchange, "active", BatchState.ACTIVE.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum());
        TaskCounts.put(exchange, "stuck", stuckNow);
        TaskCounts.put(exchange, "failed", findings.keySet().stream().filter(k -> k.startsWith("failed:")).count());
        TaskCounts.put(exchange, "needs_attention", attention);
        TaskCounts.put(exchange, "backlog_age_s", Math.round(backlog));
    }

    private void publish(Map<String, String> findings, Map<BatchState, Long> counts, long stuckNow, double backlog) {
        Snapshot previous = last.get();
        Map<String, String> before = previous == null ? Map.of() : previous.findings();
        findings.forEach((key, text) -> {
            if (!before.containsKey(key)) {
                LOG.warn(TASK + text);
            }
        });
        before.forEach((key, text) -> {
            if (!findings.containsKey(key)) {
                LOG.info(TASK + "cleared: " + text);
            }
        });
        for (BatchState s : BatchState.values()) {
            stateCounts.put(s, counts.getOrDefault(s, 0L));
        }
        stuck = stuckNow;
        backlogAgeSeconds = backlog;
        last.set(new Snapshot(Instant.now(), Map.copyOf(findings), Map.copyOf(counts), stuckNow, backlog));
    }

    /** The last check's result, or null before the first check. */
    public Snapshot lastSnapshot() {
        return last.get();
    }
}
