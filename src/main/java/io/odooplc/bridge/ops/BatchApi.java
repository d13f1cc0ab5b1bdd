package io.odooplc.bridge.ops;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.odooplc.bridge.batch.HealthMonitor;
import io.odooplc.bridge.batch.BatchState;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.sql.SqlConstants;

/**
 * The batches API behind {@code /api/batches}: list (filter by state and MO name, paged), one batch in detail, and
 * the operator actions retry, cancel and requeue, which need {@code Authorization: Bearer $ADMIN_TOKEN} like the
 * task API. The queries and state changes are the {@code sql:} steps of routes/api-batches.camel.yaml; this bean
 * checks the requests, hands the steps their named parameters, and shapes the answers.
 */
public class BatchApi {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Pattern ASCII_ID = Pattern.compile("[0-9]{1,18}");

    private final ApiAccess access;

    public BatchApi(ApiAccess access) {
        this.access = access;
    }

    /** {@code GET /api/batches?state=&mo=&limit=&offset=}: parameters {@code state}, {@code like} and the page's. */
    public Map<String, Object> listQuery(Exchange exchange) {
        Message in = exchange.getMessage();
        String stateText = ApiExchange.text(in, "state");
        Optional<BatchState> state = Optional.empty();
        if (stateText != null) {
            state = Arrays.stream(BatchState.values()).filter(s -> s.name().equalsIgnoreCase(stateText)).findFirst();
            if (state.isEmpty()) {
                return ApiExchange.error(exchange, 400, "state='" + stateText + "' is not one of "
                        + Arrays.toString(BatchState.values()));
            }
        }
        String mo = ApiExchange.text(in, "mo");
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("state", state.map(BatchState::name).orElse(null));
        // The MO name as a case-insensitive part: its LIKE wildcards are matched literally.
        query.put("like", mo == null ? null : "%" + mo.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%");
        return ApiRows.pageQuery(exchange, query, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** One page of batches, newest first. */
    public Map<String, Object> page(@Body List<Map<String, Object>> rows, @Header("total") Number total,
            @ExchangeProperty(ApiRows.QUERY) Map<String, Object> query) {
        return ApiRows.page(rows, total, query);
    }

    /** {@code GET /api/batches/{id}}: the {@code id} of the batch to show, or a 400/404 answer. */
    public Map<String, Object> detailQuery(Exchange exchange) {
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "id");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        return idQuery(exchange);
    }

    /**
     * The batch with its components (planned and actual kg) and its state history, from the rows of
     * {@code direct:api-batch-detail}; a 404 answer when there is no such batch.
     */
    public Map<String, Object> detail(@Header("batchRows") List<Map<String, Object>> batch,
            @Header("componentRows") List<Map<String, Object>> components,
            @Header("eventRows") List<Map<String, Object>> events,
            @ExchangeProperty(ApiRows.QUERY) Map<String, Object> query, Exchange exchange) {
        if (batch.isEmpty()) {
            return ApiExchange.error(exchange, 404, "no batch " + query.get("id"));
        }
        Map<String, Object> out = ApiRows.json(batch.get(0), List.of());
        out.put("components", ApiRows.json(components));
        out.put("events", ApiRows.json(events));
        return out;
    }

    /**
     * {@code POST /api/batches/{id}/{action}}: retry, cancel or requeue; the named parameters of the action's
     * statement ({@code action}, {@code id}), or a 400/401/403/404 answer. Requeue writes a recipe to the PLC again,
     * which would make the plant produce the MO twice had it produced it, so it demands
     * {@code ?confirm=plc-did-not-produce} (plant-contract #33).
     */
    public Map<String, Object> actionQuery(Exchange exchange) {
        ApiAccess.Verdict verdict = access.check(exchange);
        if (!verdict.allowed()) {
            return ApiExchange.error(exchange, verdict.status(), verdict.reason());
        }
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "id", "action");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        String action = exchange.getMessage().getHeader("action", String.class).toLowerCase(Locale.ROOT);
        if (!List.of("retry", "cancel", "requeue").contains(action)) {
            return ApiExchange.error(exchange, 404, "unknown action '" + action + "': use retry, cancel or requeue");
        }
        if (action.equals("requeue")) {
            String confirm = ApiExchange.text(exchange.getMessage(), "confirm");
            if (!HealthMonitor.REQUEUE_CONFIRMATION.equals(confirm)) {
                return ApiExchange.error(exchange, 400, "requeue writes batch " + exchange.getMessage().getHeader("id")
                        + "'s recipe to the PLC again: confirm that the PLC did not produce it with ?confirm="
                        + HealthMonitor.REQUEUE_CONFIRMATION + (confirm == null ? "" : " (confirm='" + confirm
                        + "' is not that)"));
            }
        }
        Map<String, Object> query = idQuery(exchange);
        if (exchange.getProperty(ApiRows.QUERY) != null) {
            query.put("action", action);
        }
        return query;
    }

    /**
     * The answer after the action's statement and the batch's detail: one changed row means it happened. None:
     * a repeated requeue of a batch now STAGED answers as done (nothing changed), anything else 404 or 409.
     */
    public Map<String, Object> acted(@Header(SqlConstants.SQL_UPDATE_COUNT) int updated,
            @Body Map<String, Object> batch,
            @ExchangeProperty(ApiRows.QUERY) Map<String, Object> query, Exchange exchange) {
        Object id = query.get("id");
        if (batch.containsKey("error")) {
            return batch;
        }
        String action = (String) query.get("action");
        Object state = batch.get("state");
        String message;
        if (updated > 0) {
            message = switch (action) {
                case "retry" -> "batch " + id + " is COMPLETED again; task 3 retries it on its next run";
                case "cancel" -> "batch " + id + " is CANCELLED here; its MO in Odoo was not changed";
                default -> "batch " + id + " is STAGED again: task 1 writes its recipe to the PLC once no batch is"
                        + " on the PLC";
            };
        } else if (action.equals("requeue") && BatchState.STAGED.name().equals(state)) {
            message = "batch " + id + " is already STAGED: task 1 writes its recipe to the PLC once no batch is on the"
                    + " PLC; nothing changed";
        } else {
            return ApiExchange.error(exchange, 409, "batch " + id + " is " + state + ": " + switch (action) {
                case "retry" -> "only a NEEDS_ATTENTION batch can be retried";
                case "cancel" -> "only an active or NEEDS_ATTENTION batch can be cancelled";
                default -> Boolean.TRUE.equals(batch.get("plcFailed"))
                        ? "the PLC reported it failed, task 3 cancels its MO; it is not requeued"
                        : "only a WRITTEN or RUNNING batch the PLC no longer holds can be requeued";
            });
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", message);
        out.put("odooCalled", false);
        out.put("batch", batch);
        return out;
    }

    /** Retry of a batch whose PLC slot another active batch holds: PostgreSQL's unique index refused it. */
    public Map<String, Object> slotTaken(@ExchangeProperty(ApiRows.QUERY) Map<String, Object> query,
            Exchange exchange) {
        return ApiExchange.error(exchange, 409, "batch " + query.get("id") + " cannot become active again: another"
                + " active batch holds its PLC slot; cancel one of them");
    }

    /** A batch id: ASCII digits only (Long.parseLong would also read other scripts' digits, e.g. U+0661 as 1). */
    private static Map<String, Object> idQuery(Exchange exchange) {
        String text = exchange.getMessage().getHeader("id", String.class);
        if (text == null || !ASCII_ID.matcher(text).matches()) {
            return ApiExchange.error(exchange, 404, "no batch '" + text + "'");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", Long.valueOf(text));
        exchange.setProperty(ApiRows.QUERY, query);
        return query;
    }
}
