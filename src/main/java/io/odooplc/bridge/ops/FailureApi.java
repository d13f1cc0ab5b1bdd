package io.odooplc.bridge.ops;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import io.odooplc.bridge.failure.FailureQueries;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The failures API behind {@code GET /api/failures}: stored equipment failures and their Odoo status, paged. */
public class FailureApi {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final FailureQueries queries;

    public FailureApi(FailureQueries queries) {
        this.queries = queries;
    }

    /** {@code GET /api/failures?status=&limit=&offset=}, status one of PENDING, SENT, REJECTED. */
    public Map<String, Object> list(Exchange exchange) throws SQLException {
        Message in = exchange.getMessage();
        String status = ApiExchange.text(in, "status");
        if (status != null) {
            status = status.strip().toUpperCase(Locale.ROOT);
            if (!FailureQueries.ODOO_STATUSES.contains(status)) {
                return ApiExchange.error(exchange, 400, "status='" + in.getHeader("status") + "' is not one of "
                        + FailureQueries.ODOO_STATUSES);
            }
        }
        Integer limit = ApiExchange.number(in, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Integer offset = ApiExchange.number(in, "offset", 0, 0, Integer.MAX_VALUE);
        if (limit == null || offset == null) {
            return ApiExchange.error(exchange, 400,
                    "limit must be a whole number 1.." + MAX_LIMIT + " and offset >= 0");
        }
        FailureQueries.Page page = queries.list(status, limit, offset);
        return ApiExchange.page(page.total(), limit, offset, page.items());
    }
}
