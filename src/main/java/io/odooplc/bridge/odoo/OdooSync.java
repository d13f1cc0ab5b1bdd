package io.odooplc.bridge.odoo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.odooplc.bridge.batch.BatchForOdoo;
import io.odooplc.bridge.batch.BatchState;
import io.odooplc.bridge.batch.BatchTransitions;
import io.odooplc.bridge.batch.RetryBackoff;
import io.odooplc.bridge.config.BridgeSettings.OdooRetrySettings;
import io.odooplc.bridge.ops.TaskCounts;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of task 3: which batches have Odoo work due, and what Odoo's answer does to each. Every outcome
 * is one transaction; a batch that leaves COMPLETED does so through {@link BatchTransitions}. The Odoo calls
 * themselves are steps of the route, between {@code dueFor...} and {@code record...}.
 */
public class OdooSync {

    /** Exchange property holding the {@link BatchForOdoo} a split step works on. */
    public static final String BATCH = "batch";
    /** Exchange property set when a post made the batch SYNCED, for the optional mark-done step. */
    public static final String SYNCED = "bridgeSynced";

    private static final Logger LOG = LoggerFactory.getLogger(OdooSync.class);
    private static final String TAG = "[task3-process-completed]";
    private static final String DUE = "(b.next_attempt_at is null or b.next_attempt_at <= now())";
    private static final String SELECT = "select b.id, b.mo_name, b.state, b.attempts, b.actual_weight_kg from batch b ";

    private final DataSource dataSource;
    private final OdooClient odoo;
    private final OdooRetrySettings retry;
    private final RetryBackoff backoff;

    public OdooSync(DataSource dataSource, OdooClient odoo, OdooRetrySettings retry) {
        this.dataSource = dataSource;
        this.odoo = odoo;
        this.retry = retry;
        this.backoff = new RetryBackoff(retry.backoff(), retry.backoffMax());
    }

    /** Starts the run's counts at zero (the split steps add to this map), and fails the run if Odoo is unset. */
    public void beginRun(Exchange exchange) {
        odoo.ensureConfigured();
        for (String count : List.of("due", "synced", "retry", "needs_attention", "cancel_due", "cancelled",
                "deferred")) {
            TaskCounts.put(exchange, count, 0);
        }
        if (retry.markDone()) {
            TaskCounts.put(exchange, "marked_done", 0);
            TaskCounts.put(exchange, "mark_done_failed", 0);
        }
    }

    /** Batches the PLC reported failed (plc_failed) whose MO still has to be cancelled in Odoo (LEGACY 1.5 d). */
    public List<BatchForOdoo> dueForCancel(Exchange exchange) throws SQLException {
        List<BatchForOdoo> due = select(SELECT + "where b.plc_failed and b.state in " + BatchState.ACTIVE_SQL
                + " and " + DUE + " order by b.id");
        TaskCounts.put(exchange, "cancel_due", due.size());
        return due;
    }

    /** COMPLETED batches whose actuals are due to be posted: never tried, or their backoff has passed. */
    public List<BatchForOdoo> dueForPosting(Exchange exchange) throws SQLException {
        List<BatchForOdoo> due = select(SELECT + "where b.state = 'COMPLETED' and not b.plc_failed and " + DUE
                + " order by b.id");
        TaskCounts.put(exchange, "due", due.size());
        return due;
    }

    /** A batch without any actual consumption cannot be posted and would block its slot forever (legacy #13). */
    public void recordNoConsumption(@ExchangeProperty(BATCH) BatchForOdoo batch, Exchange exchange)
            throws SQLException {
        needsAttention(batch, batch.attempts(), "no actual consumption above 0 kg: nothing to post to Odoo",
                exchange);
    }

    public void recordPost(@ExchangeProperty(BATCH) BatchForOdoo batch, OdooReply reply, Exchange exchange)
            throws SQLException {
        if (!reply.isSuccess()) {
            recordFailure(batch, "update-with-consumptions", reply, exchange);
            return;
        }
        int attempts = batch.attempts() + 1;
        try (Connection c = transaction()) {
            boolean moved = BatchTransitions.move(c, batch.id(), BatchState.COMPLETED, BatchState.SYNCED,
                    "consumption posted to Odoo (attempt " + attempts + ")");
            if (!moved) {
                c.rollback();
                LOG.warn("{} {} batch {}: posted to Odoo but the batch left COMPLETED meanwhile; left as it is", TAG,
                        batch.moName(), batch.id());
                return;
            }
            update(c, "update batch set synced_at = now(), attempts = ?, next_attempt_at = null, last_error = null"
                    + " where id = ?", attempts, batch.id());
            c.commit();
        }
        exchange.setProperty(SYNCED, true);
        TaskCounts.increment(exchange, "synced");
        LOG.info("{} {} batch {}: SYNCED, Odoo holds the actuals (attempt {})", TAG, batch.moName(), batch.id(),
                attempts);
    }

    public void recordCancel(@ExchangeProperty(BATCH) BatchForOdoo batch, OdooReply reply, Exchange exchange)
            throws SQLException {
        if (!reply.isSuccess()) {
            recordFailure(batch, "cancel", reply, exchange);
            return;
        }
        try (Connection c = transaction()) {
            boolean moved = BatchTransitions.move(c, batch.id(), batch.state(), BatchState.CANCELLED,
                    "PLC reported the batch failed; MO cancelled in Odoo (" + reply.message() + ")");
            if (!moved) {
                c.rollback();
                LOG.warn("{} {} batch {}: MO cancelled in Odoo but the batch left {} meanwhile; left as it is", TAG,
                        batch.moName(), batch.id(), batch.state());
                return;
            }
            update(c, "update batch set odoo_cancelled = true, next_attempt_at = null, last_error = null where id = ?",
                    batch.id());
            c.commit();
        }
        TaskCounts.increment(exchange, "cancelled");
        LOG.info("{} {} batch {}: CANCELLED, the PLC reported it failed and Odoo cancelled the MO", TAG,
                batch.moName(), batch.id());
    }

    /** Whether to close the MO in Odoo now: ODOO_MARK_DONE is on and this batch was just synced. */
    public boolean markDoneWanted(Exchange exchange) {
        return retry.markDone() && exchange.getProperty(SYNCED, false, Boolean.class);
    }

    /**
     * The consumption is already in Odoo and the batch SYNCED; a failed mark-done is recorded in last_error and left
     * for the operator (the MO stays open in Odoo, as it always did with the legacy).
     */
    public void recordMarkDone(@ExchangeProperty(BATCH) BatchForOdoo batch, OdooReply reply, Exchange exchange)
            throws SQLException {
        try (Connection c = transaction()) {
            if (reply.isSuccess()) {
                update(c, "update batch set odoo_done_at = now() where id = ?", batch.id());
            } else {
                update(c, "update batch set last_error = ? where id = ?", "mark-done failed: " + reply.message(),
                        batch.id());
            }
            c.commit();
        }
        if (reply.isSuccess()) {
            TaskCounts.increment(exchange, "marked_done");
            LOG.info("{} {} batch {}: MO marked done in Odoo", TAG, batch.moName(), batch.id());
        } else {
            TaskCounts.increment(exchange, "mark_done_failed");
            LOG.warn("{} {} batch {}: mark-done failed, the MO stays open in Odoo: {}", TAG, batch.moName(),
                    batch.id(), reply.message());
        }
    }

    private void recordFailure(BatchForOdoo batch, String call, OdooReply reply, Exchange exchange)
            throws SQLException {
        if (reply.isCircuitOpen()) {
            // Nothing was sent, so it is no attempt: only the error is kept, and the batch stays due.
            try (Connection c = transaction()) {
                update(c, "update batch set last_error = ? where id = ? and state = ?", reply.message(), batch.id(),
                        batch.state().name());
                c.commit();
            }
            TaskCounts.increment(exchange, "deferred");
            LOG.info("{} {} batch {}: {} deferred, {}", TAG, batch.moName(), batch.id(), call, reply.message());
            return;
        }
        int attempts = batch.attempts() + 1;
        String error = call + ": " + reply.message();
        if (reply.isRejected()) {
            needsAttention(batch, attempts, "Odoo rejected " + error, exchange);
        } else if (attempts >= retry.maxAttempts()) {
            needsAttention(batch, attempts, "gave up after " + attempts + " attempts, last: " + error, exchange);
        } else {
            Instant next = Instant.now().plus(backoff.after(attempts)).truncatedTo(ChronoUnit.MILLIS);
            try (Connection c = transaction()) {
                update(c, "update batch set attempts = ?, next_attempt_at = ?, last_error = ? where id = ? and state = ?",
                        attempts, Timestamp.from(next), error, batch.id(), batch.state().name());
                c.commit();
            }
            TaskCounts.increment(exchange, "retry");
            LOG.warn("{} {} batch {}: attempt {} failed, next try at {}: {}", TAG, batch.moName(), batch.id(),
                    attempts, next, error);
        }
    }

    private void needsAttention(BatchForOdoo batch, int attempts, String reason, Exchange exchange)
            throws SQLException {
        try (Connection c = transaction()) {
            if (!BatchTransitions.move(c, batch.id(), batch.state(), BatchState.NEEDS_ATTENTION, reason)) {
                c.rollback();
                return;
            }
            update(c, "update batch set attempts = ?, next_attempt_at = null, last_error = ? where id = ?", attempts,
                    reason, batch.id());
            c.commit();
        }
        TaskCounts.increment(exchange, "needs_attention");
        LOG.warn("{} {} batch {}: NEEDS_ATTENTION, {}", TAG, batch.moName(), batch.id(), reason);
    }

    private List<BatchForOdoo> select(String sql) throws SQLException {
        List<BatchForOdoo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.add(new BatchForOdoo(id, rs.getString("mo_name"), BatchState.valueOf(rs.getString("state")),
                        rs.getInt("attempts"), rs.getBigDecimal("actual_weight_kg"), actuals(c, id)));
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> actuals(Connection c, long batchId) throws SQLException {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select equipment_code, actual_kg from batch_component"
                + " where batch_id = ? and actual_kg > 0 order by equipment_id")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        return out;
    }

    private Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
