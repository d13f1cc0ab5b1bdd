package io.odooplc.bridge.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * The failures API behind {@code GET /api/failures}: stored equipment failures and their Odoo status, paged. The
 * queries are the {@code sql:} steps of routes/api-failures.camel.yaml; this bean checks the parameters and shapes
 * the answer.
 */
public class FailureApi {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** The values of {@code equipment_failure.odoo_status}. */
    public static final List<String> ODOO_STATUSES = List.of("PENDING", "SENT", "REJECTED");

    /**
     * {@code GET /api/failures?status=&limit=&offset=}, status one of PENDING, SENT, REJECTED: the named parameters
     * of the route's queries ({@code status}, {@code limit}, {@code offset}), or a 400 answer.
     */
    public Map<String, Object> query(Exchange exchange) {
        Message in = exchange.getMessage();
        String status = ApiExchange.text(in, "status");
        if (status != null) {
            status = status.strip().toUpperCase(Locale.ROOT);
            if (!ODOO_STATUSES.contains(status)) {
                return ApiExchange.error(exchange, 400, "status='" + in.getHeader("status") + "' is not one of "
                        + ODOO_STATUSES);
            }
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status);
        return ApiRows.pageQuery(exchange, query, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The page: newest failure first; {@code failureAt} is the PLC's own clock, without zone, as on its panel. */
    public Map<String, Object> page(@Body List<Map<String, Object>> rows, @Header("total") Number total,
            @ExchangeProperty(ApiRows.QUERY) Map<String, Object> query) {
        return ApiRows.page(rows, total, query, "failure_at");
    }
}
