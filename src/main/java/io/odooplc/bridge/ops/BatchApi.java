package io.odooplc.bridge.ops;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.odooplc.bridge.batch.BatchQueries;
import io.odooplc.bridge.batch.BatchState;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The batches API behind {@code /api/batches}: list (filter by state and MO name, paged), one batch in detail, and
 * the operator actions retry and cancel, which need {@code Authorization: Bearer $ADMIN_TOKEN} like the task API.
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

    /** {@code POST /api/batches/{id}/{action}}: retry or cancel. */
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
        BatchQueries.ActionResult result = switch (action) {
            case "retry" -> queries.retry(id);
            case "cancel" -> queries.cancel(id);
            default -> null;
        };
        if (result == null) {
            return ApiExchange.error(exchange, 404, "unknown action '" + action + "': use retry or cancel");
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

    /** A batch id: ASCII digits only (Long.parseLong would also read other scripts' digits, e.g. U+0661 as 1). */
    private static Long id(Exchange exchange) {
        String text = exchange.getMessage().getHeader("id", String.class);
        return text != null && ASCII_ID.matcher(text).matches() ? Long.valueOf(text) : null;
    }
}
