package io.odooplc.bridge.ops;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.odooplc.bridge.batch.BatchHealth;
import io.odooplc.bridge.batch.BatchQueries;
import io.odooplc.bridge.batch.BatchState;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.sql.SqlConstants;

/**
 * The batches API behind {@code /api/batches}: list (filter by state and MO name, paged), one batch in detail, and
 * the operator actions retry, cancel and requeue, which need {@code Authorization: Bearer $ADMIN_TOKEN} like the task API.
 */
public class BatchApi {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Pattern ASCII_ID = Pattern.compile("[0-9]{1,18}");

    private final BatchQueries queries;
    private final ApiAccess access;

    public BatchApi(BatchQueries queries, ApiAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /** {@code GET /api/batches?state=&mo=&limit=&offset=}. */
    public Map<String, Object> list(Exchange exchange) throws SQLException {
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
        Integer limit = ApiExchange.number(in, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Integer offset = ApiExchange.number(in, "offset", 0, 0, Integer.MAX_VALUE);
        if (limit == null || offset == null) {
            return ApiExchange.error(exchange, 400,
                    "limit must be a whole number 1.." + MAX_LIMIT + " and offset >= 0");
        }
        BatchQueries.Page page = queries.list(state.orElse(null), ApiExchange.text(in, "mo"),
                limit, offset);
        return ApiExchange.page(page.total(), limit, offset, page.items());
    }

    /** {@code GET /api/batches/{id}}: the batch, its components, its state history, attempts and last error. */
    public Map<String, Object> detail(Exchange exchange) throws SQLException {
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "id");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        Long id = id(exchange);
        if (id == null) {
            return ApiExchange.error(exchange, 404, "no batch '" + exchange.getMessage().getHeader("id") + "'");
        }
        return queries.detail(id).orElseGet(() -> ApiExchange.error(exchange, 404, "no batch " + id));
    }

    /** {@code POST /api/batches/{id}/{action}}: retry, cancel or requeue. */
    public Map<String, Object> act(Exchange exchange) throws SQLException {
        ApiAccess.Verdict verdict = access.check(exchange);
        if (!verdict.allowed()) {
            return ApiExchange.error(exchange, verdict.status(), verdict.reason());
        }
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "id", "action");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        Long id = id(exchange);
        if (id == null) {
            return ApiExchange.error(exchange, 404, "no batch '" + exchange.getMessage().getHeader("id") + "'");
        }
        String action = exchange.getMessage().getHeader("action", String.class).toLowerCase(Locale.ROOT);
        if (action.equals("requeue")) {
            return requeue(exchange, id);
        }
        BatchQueries.ActionResult result = switch (action) {
            case "retry" -> queries.retry(id);
            case "cancel" -> queries.cancel(id);
            default -> null;
        };
        if (result == null) {
            return ApiExchange.error(exchange, 404, "unknown action '" + action + "': use retry, cancel or requeue");
        }
        if (!result.found()) {
            return ApiExchange.error(exchange, 404, result.message());
        }
        if (!result.done()) {
            return ApiExchange.error(exchange, 409, result.message());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", result.message());
        out.put("odooCalled", false);
        out.put("batch", queries.detail(id).orElseThrow());
        return out;
    }

    /**
     * {@code POST /api/batches/{id}/requeue?confirm=plc-did-not-produce}: checks the operator's confirmation and hands
     * the route the statement's parameters ({@code requeue}, {@code id}, {@code note}); the route moves the batch.
     * Writing a recipe again that the PLC did produce would make the plant produce the MO twice, hence no default.
     */
    private static Map<String, Object> requeue(Exchange exchange, long id) {
        String confirm = ApiExchange.text(exchange.getMessage(), "confirm");
        if (!BatchHealth.REQUEUE_CONFIRMATION.equals(confirm)) {
            return ApiExchange.error(exchange, 400, "requeue writes batch " + id + "'s recipe to the PLC again: confirm"
                    + " that the PLC did not produce it with ?confirm=" + BatchHealth.REQUEUE_CONFIRMATION
                    + (confirm == null ? "" : " (confirm='" + confirm + "' is not that)"));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("requeue", true);
        change.put("id", id);
        change.put("note", "requeued by an operator, who confirmed the PLC did not produce it; task 1 writes it again");
        return change;
    }

    /**
     * After the requeue statement: one event written means the batch is STAGED again. None: a batch already STAGED
     * (a repeated requeue) answers as done, anything else 404 or 409 with its state.
     */
    public Map<String, Object> requeued(@Header(SqlConstants.SQL_UPDATE_COUNT) int updated,
            @Header("id") String idText, Exchange exchange) throws SQLException {
        long id = Long.parseLong(idText);
        Optional<Map<String, Object>> batch = queries.detail(id);
        if (batch.isEmpty()) {
            return ApiExchange.error(exchange, 404, "no batch " + id);
        }
        Object state = batch.get().get("state");
        String message;
        if (updated > 0) {
            message = "batch " + id + " is STAGED again: task 1 writes its recipe to the PLC once no batch is on the PLC";
        } else if (BatchState.STAGED.name().equals(state)) {
            message = "batch " + id + " is already STAGED: task 1 writes its recipe to the PLC once no batch is on the"
                    + " PLC; nothing changed";
        } else if (Boolean.TRUE.equals(batch.get().get("plcFailed"))) {
            return ApiExchange.error(exchange, 409, "batch " + id + " is " + state + " and the PLC reported it failed:"
                    + " task 3 cancels its MO; it is not requeued");
        } else {
            return ApiExchange.error(exchange, 409, "batch " + id + " is " + state
                    + ": only a WRITTEN or RUNNING batch the PLC no longer holds can be requeued");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", message);
        out.put("odooCalled", false);
        out.put("batch", batch.get());
        return out;
    }

    /** A batch id: ASCII digits only (Long.parseLong would also read other scripts' digits, e.g. U+0661 as 1). */
    private static Long id(Exchange exchange) {
        String text = exchange.getMessage().getHeader("id", String.class);
        return text != null && ASCII_ID.matcher(text).matches() ? Long.valueOf(text) : null;
    }
}
