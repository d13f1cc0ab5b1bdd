package io.odooplc.bridge.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.odooplc.bridge.config.SafeUrl;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * {@code GET /api/health} on the task API server: the bridge's own health checks (database, PLC, Odoo, batches) as
 * the console shows them, so the management port can stay on loopback. Only listed details leave: states, messages,
 * the last PLC exchange, the Odoo circuit and task 4's counts; never a database URL, password or token.
 */
public class HealthSummary {

    /** The checks in the order the page shows them, each with the details it may show. */
    private static final Map<String, Predicate<String>> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("database", key -> false);
        CHECKS.put("plc", List.of("plc", "last_operation", "last_outcome", "last_at", "age_seconds")::contains);
        CHECKS.put("odoo", List.of("url", "circuit", "consecutive_failures", "next_trial_at", "last_call_at",
                "last_call", "last_outcome", "last_message")::contains);
        CHECKS.put("batches", key -> key.equals("checked_at") || key.equals("stuck")
                || key.equals("odoo_backlog_age_seconds") || key.startsWith("batches_") || key.startsWith("failed:")
                || key.startsWith("stuck:") || key.startsWith("needs-attention:"));
    }

    /** The answer: when it was taken, and the checks in the page's order. */
    public record Summary(String at, List<Check> checks) {
    }

    /** One check as the console shows it (the page reads these names). */
    public record Check(String name, String state, String message, Map<String, Object> details) {
    }

    private final CamelContext context;

    public HealthSummary(CamelContext context) {
        this.context = context;
    }

    public Summary summary() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        List<Check> checks = new ArrayList<>();
        CHECKS.forEach((name, shown) -> checks.add(registry.getCheck(name)
                .map(check -> describe(name, check.call(), shown))
                .orElseGet(() -> new Check(name, "UNKNOWN", "not configured", Map.of()))));
        return new Summary(Instant.now().toString(), checks);
    }

    /** Only the details {@code shown} lets out; the Odoo check is not registered when Odoo is not configured. */
    private static Check describe(String name, HealthCheck.Result result, Predicate<String> shown) {
        Map<String, Object> details = new LinkedHashMap<>();
        result.getDetails().forEach((key, value) -> {
            if (shown.test(key) && value != null) {
                details.put(key, value instanceof String s ? SafeUrl.of(s) : value);
            }
        });
        return new Check(name, result.getState().name(), result.getMessage().map(SafeUrl::of).orElse(null), details);
    }
}
