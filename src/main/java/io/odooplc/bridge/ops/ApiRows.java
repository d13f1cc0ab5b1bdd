package io.odooplc.bridge.ops;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * Rows of the API routes' {@code sql:} steps as JSON-ready maps: snake_case columns to camelCase keys, instants
 * ({@code timestamptz}) as ISO-8601 text; a column in {@code localTimes} is a wall-clock time without zone.
 */
final class ApiRows {

    /** Exchange property: the checked parameters of the request; absent when the request was refused. */
    static final String QUERY = "bridgeQuery";

    private ApiRows() {
    }

    /**
     * The named parameters of a list's queries: {@code query} with {@code limit} and {@code offset} added, also kept
     * in {@link #QUERY}; or the 400 answer.
     */
    static Map<String, Object> pageQuery(Exchange exchange, Map<String, Object> query, int defaultLimit,
            int maxLimit) {
        Integer limit = ApiExchange.number(exchange.getMessage(), "limit", defaultLimit, 1, maxLimit);
        Integer offset = ApiExchange.number(exchange.getMessage(), "offset", 0, 0, Integer.MAX_VALUE);
        if (limit == null || offset == null) {
            return ApiExchange.error(exchange, 400, "limit must be a whole number 1.." + maxLimit + " and offset >= 0");
        }
        query.put("limit", limit);
        query.put("offset", offset);
        exchange.setProperty(QUERY, query);
        return query;
    }

    /** One page of a list: its rows as JSON, how many match in all, and the page's place. */
    static Map<String, Object> page(List<Map<String, Object>> rows, Number total, Map<String, Object> query,
            String... localTimes) {
        return ApiExchange.page(total.longValue(), (Integer) query.get("limit"), (Integer) query.get("offset"),
                json(rows, localTimes));
    }

    static List<Map<String, Object>> json(List<Map<String, Object>> rows, String... localTimes) {
        List<String> local = List.of(localTimes);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            out.add(json(row, local));
        }
        return out;
    }

    static Map<String, Object> json(Map<String, Object> row, List<String> localTimes) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (value instanceof Timestamp ts) {
                value = localTimes.contains(column) ? ts.toLocalDateTime().toString() : ts.toInstant().toString();
            }
            out.put(camelCase(column), value);
        });
        return out;
    }

    private static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
