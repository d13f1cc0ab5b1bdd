package io.odooplc.bridge.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;

/**
 * The counts a task run reports ({@code read=10 updated=3}), kept on the exchange so the run's summary line and its
 * {@code task_run} row carry them.
 */
public final class TaskCounts {

    public static final String PROPERTY = "bridgeTaskCounts";

    private TaskCounts() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Exchange exchange) {
        Map<String, Object> counts = exchange.getProperty(PROPERTY, Map.class);
        if (counts == null) {
            counts = new LinkedHashMap<>();
            exchange.setProperty(PROPERTY, counts);
        }
        return counts;
    }

    public static void put(Exchange exchange, String name, Object value) {
        of(exchange).put(name, value);
    }

    /** Every column of a query's result row as a count, e.g. {@code select count(*) as deleted_runs ...}. */
    public static void add(Map<String, ?> row, Exchange exchange) {
        row.forEach((name, value) -> put(exchange, name, value));
    }

    /** Adds one to a count, starting from zero. */
    public static void increment(Exchange exchange, String name) {
        of(exchange).merge(name, 1, (a, b) -> ((Number) a).intValue() + 1);
    }

    static String format(Exchange exchange) {
        Map<?, ?> counts = exchange.getProperty(PROPERTY, Map.class);
        if (counts == null || counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
