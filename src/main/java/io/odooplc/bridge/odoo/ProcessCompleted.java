package io.odooplc.bridge.odoo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.batch.BatchForOdoo;
import io.odooplc.bridge.batch.BatchJson;
import io.odooplc.bridge.batch.BatchState;
import io.odooplc.bridge.batch.RetryBackoff;
import io.odooplc.bridge.config.BridgeSettings.OdooRetrySettings;
import io.odooplc.bridge.ops.TaskCounts;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 3's decisions; its queries and state changes are camel-sql steps of the route. {@code batches} turns the
 * due-batches query into {@link BatchForOdoo}; each {@code record...} step turns Odoo's answer into the change to make,
 * a map the route's SQL takes its named parameters from ({@code outcome}, {@code id}, {@code from}, {@code attempts},
 * {@code error}, {@code retrySeconds}, {@code markedDone}); {@link #recorded} then counts and logs it, or logs a lost race.
 */
public class ProcessCompleted {

    /** Exchange property holding the {@link BatchForOdoo} a split step works on. */
    public static final String BATCH = "batch";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCompleted.class);
    private static final ObjectMapper JSON = BatchJson.MAPPER;

    private final OdooClient odoo;
    private final OdooRetrySettings retry;
    private final RetryBackoff backoff;

    public ProcessCompleted(OdooClient odoo, OdooRetrySettings retry) {
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
        }
    }

    /** Batches the PLC reported failed whose MO still has to be cancelled in Odoo (plant-contract §1.5 d). */
    public List<BatchForOdoo> dueForCancel(List<Map<String, Object>> rows, Exchange exchange)
            throws JsonProcessingException {
        TaskCounts.put(exchange, "cancel_due", rows.size());
        return batches(rows);
    }

    /** COMPLETED batches whose actuals are due to be posted: never tried, or their backoff has passed. */
    public List<BatchForOdoo> dueForPosting(List<Map<String, Object>> rows, Exchange exchange)
            throws JsonProcessingException {
        TaskCounts.put(exchange, "due", rows.size());
        return batches(rows);
    }

    /** Rows of a due-batches query as batches; {@code actuals_kg} is a JSON object of equipment code to actual kg. */
    private static List<BatchForOdoo> batches(List<Map<String, Object>> rows) throws JsonProcessingException {
        List<BatchForOdoo> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, BigDecimal> actuals = new LinkedHashMap<>();
            JSON.readTree((String) row.get("actuals_kg")).properties()
                    .forEach(e -> actuals.put(e.getKey(), e.getValue().decimalValue()));
            out.add(new BatchForOdoo(((Number) row.get("id")).longValue(), (String) row.get("mo_name"),
                    BatchState.valueOf((String) row.get("state")), ((Number) row.get("attempts")).intValue(),
                    (BigDecimal) row.get("actual_weight_kg"), actuals));
        }
        return out;
    }

    /** A batch without any actual consumption cannot be posted and would block its slot forever (plant-contract #13). */
    public Map<String, Object> recordNoConsumption(@ExchangeProperty(BATCH) BatchForOdoo batch) {
        return needsAttention(batch, batch.attempts(), "no actual consumption above 0 kg: nothing to post to Odoo");
    }

    /**
     * The post's answer. Accepted: SYNCED, or with ODOO_MARK_DONE on POSTED, which is no state: the route then closes
     * the MO and {@link #recordMarkDone} decides.
     */
    public Map<String, Object> recordPost(@ExchangeProperty(BATCH) BatchForOdoo batch, OdooReply reply) {
        if (!reply.isSuccess()) {
            return failure(batch, "update-with-consumptions", reply);
        }
        if (retry.markDone()) {
            return change("POSTED", batch, List.of(), "consumption posted, closing the MO");
        }
        return synced(batch, false, "consumption posted to Odoo");
    }

    public Map<String, Object> recordCancel(@ExchangeProperty(BATCH) BatchForOdoo batch, OdooReply reply) {
        if (!reply.isSuccess()) {
            return failure(batch, "cancel", reply);
        }
        Map<String, Object> change = change("CANCELLED", batch, List.of("cancelled"),
                "CANCELLED, the PLC reported it failed and Odoo cancelled the MO");
        change.put("note", "PLC reported the batch failed; MO cancelled in Odoo (" + reply.message() + ")");
        return change;
    }

    /**
     * With ODOO_MARK_DONE the batch is SYNCED only once Odoo holds its MO done. Anything else is an attempt like a
     * failed post: retried after the backoff (the post is repeated then, safe as it replaces quantities), or
     * NEEDS_ATTENTION with Odoo's answer when Odoo refused it or the attempts are used up.
     */
    public Map<String, Object> recordMarkDone(@ExchangeProperty(BATCH) BatchForOdoo batch, OdooReply reply) {
        if (!reply.isSuccess()) {
            return failure(batch, "mark-done", reply);
        }
        return synced(batch, true, "consumption posted and MO marked done in Odoo");
    }

    private Map<String, Object> synced(BatchForOdoo batch, boolean markedDone, String note) {
        int attempts = batch.attempts() + 1;
        Map<String, Object> change = change("SYNCED", batch, markedDone ? List.of("synced", "marked_done")
                : List.of("synced"), "SYNCED, Odoo holds the actuals" + (markedDone ? " and the MO is done" : "")
                + " (attempt " + attempts + ")");
        change.put("attempts", attempts);
        change.put("markedDone", markedDone);
        change.put("note", note + " (attempt " + attempts + ")");
        return change;
    }

    /**
     * After the change's statement: one row changed (or one event written) means it happened; none means the batch
     * left the state this run saw meanwhile (an operator's cancel, another bridge instance), so it is left as it is.
     */
    public void recorded(@Body Map<String, Object> change, @Header(SqlConstants.SQL_UPDATE_COUNT) int updated,
            Exchange exchange) {
        String batch = change.get("mo") + " batch " + change.get("id");
        if (updated == 0) {
            LOG.warn("{}: {} not recorded, the batch left {} meanwhile; left as it is", batch,
                    change.get("outcome"), change.get("from"));
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> counts = (List<String>) change.get("counts");
        counts.forEach(count -> TaskCounts.increment(exchange, count));
        if ((Boolean) change.get("warn")) {
            LOG.warn("{}: {}", batch, change.get("log"));
        } else {
            LOG.info("{}: {}", batch, change.get("log"));
        }
    }

    private Map<String, Object> failure(BatchForOdoo batch, String call, OdooReply reply) {
        if (reply.isCircuitOpen()) {
            // Nothing was sent, so it is no attempt: only the error is kept, and the batch stays due.
            Map<String, Object> change = change("DEFERRED", batch, List.of("deferred"), call + " deferred, " + reply.message());
            change.put("error", reply.message());
            return change;
        }
        int attempts = batch.attempts() + 1;
        String error = call + ": " + reply.message();
        if (reply.isRejected()) {
            return needsAttention(batch, attempts, "Odoo rejected " + error);
        }
        if (attempts >= retry.maxAttempts()) {
            return needsAttention(batch, attempts, "gave up after " + attempts + " attempts, last: " + error);
        }
        double wait = backoff.after(attempts).toMillis() / 1000.0;
        Map<String, Object> change = change("RETRY", batch, List.of("retry"), "attempt " + attempts + " failed, next try in "
                + wait + " s: " + error);
        change.put("warn", true);
        change.put("attempts", attempts);
        change.put("error", error);
        change.put("retrySeconds", wait);
        return change;
    }

    private static Map<String, Object> needsAttention(BatchForOdoo batch, int attempts, String reason) {
        Map<String, Object> change = change("NEEDS_ATTENTION", batch, List.of("needs_attention"), "NEEDS_ATTENTION, " + reason);
        change.put("warn", true);
        change.put("attempts", attempts);
        change.put("error", reason);
        return change;
    }

    private static Map<String, Object> change(String outcome, BatchForOdoo batch, List<String> counts, String log) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("outcome", outcome);
        change.put("id", batch.id());
        change.put("mo", batch.moName());
        change.put("from", batch.state().name());
        change.put("counts", counts);
        change.put("log", log);
        change.put("warn", false);
        return change;
    }
}
