package io.odooplc.bridge.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.odooplc.bridge.ops.BridgeMetrics;
import io.odooplc.bridge.ops.TaskCounts;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 4: finds stuck batches (no successful PLC read of their slot for {@code BATCH_STUCK_THRESHOLD}), batches the PLC
 * reported failed, batches the PLC lost (in neither their WRITE nor their READ slot), the age of the oldest completed
 * batch not yet in Odoo, and batches that need an operator. Each finding is logged once when it appears and once when
 * it clears, and exported as metrics and a health check.
 */
public class HealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    /** What an operator's requeue must carry: the PLC did not produce the batch (plant-contract #33). */
    public static final String REQUEUE_CONFIRMATION = "plc-did-not-produce";

    /** What the last check found; read by the {@code batches} health check. */
    public record Snapshot(Instant checkedAt, Map<String, String> findings, Map<BatchState, Long> counts,
            long stuck, double backlogAgeSeconds) {
    }

    private final Duration stuckThreshold;
    private final Map<BatchState, Long> stateCounts = new EnumMap<>(BatchState.class);
    private final AtomicReference<Snapshot> last = new AtomicReference<>();
    private volatile long stuck;
    private volatile double backlogAgeSeconds;

    public HealthMonitor(Duration stuckThreshold, BridgeMetrics metrics) {
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

    /**
     * @param suspects active batches that are WRITTEN or RUNNING or reported failed, with {@code silent_seconds} and
     *                 {@code missing_seconds} (since task 2 found it in neither slot; null while the PLC holds it)
     * @param states   {@code state, n}: how many batches are in each state
     * @param backlog  seconds since the oldest COMPLETED batch completed, 0 when there is none
     */
    public void check(@Header("suspects") List<Map<String, Object>> suspects,
            @Header("states") List<Map<String, Object>> states, @Body Number backlogSeconds, Exchange exchange) {
        Map<String, String> findings = new LinkedHashMap<>();
        Map<BatchState, Long> counts = new EnumMap<>(BatchState.class);
        long stuckNow = 0;
        double backlog = backlogSeconds.doubleValue();
        for (Map<String, Object> row : suspects) {
            Object id = row.get("id");
            String batch = "batch " + id + " " + row.get("mo_name") + " (slot " + row.get("slot") + ", "
                    + row.get("state") + ")";
            double silent = ((Number) row.get("silent_seconds")).doubleValue();
            if (Boolean.TRUE.equals(row.get("plc_failed"))) {
                findings.put("failed:" + id, batch + " reported failed by the PLC: " + row.get("failure_reason"));
            } else if (row.get("missing_seconds") instanceof Number missing) {
                findings.put("missing:" + id, batch + " is no longer on the PLC: for "
                        + Math.round(missing.doubleValue() / 60) + " min successful PLC reads found it in neither"
                        + " WRITE slot " + row.get("slot") + " nor READ slot " + row.get("slot")
                        + " (PLC cold start or program download?). It is not written again by itself: if the PLC did"
                        + " not produce it, POST /api/batches/" + id + "/requeue?confirm=" + REQUEUE_CONFIRMATION);
            } else if (silent > stuckThreshold.toSeconds()) {
                stuckNow++;
                findings.put("stuck:" + id, batch + " appears stuck: no successful PLC read for "
                        + Math.round(silent / 60) + " min");
            }
        }
        for (Map<String, Object> row : states) {
            counts.put(BatchState.valueOf((String) row.get("state")), ((Number) row.get("n")).longValue());
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
        TaskCounts.put(exchange, "missing", findings.keySet().stream().filter(k -> k.startsWith("missing:")).count());
        TaskCounts.put(exchange, "needs_attention", attention);
        TaskCounts.put(exchange, "backlog_age_s", Math.round(backlog));
    }

    private void publish(Map<String, String> findings, Map<BatchState, Long> counts, long stuckNow, double backlog) {
        Snapshot previous = last.get();
        Map<String, String> before = previous == null ? Map.of() : previous.findings();
        findings.forEach((key, text) -> {
            if (!before.containsKey(key)) {
                LOG.warn(text);
            }
        });
        before.forEach((key, text) -> {
            if (!findings.containsKey(key)) {
                LOG.info("cleared: " + text);
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
