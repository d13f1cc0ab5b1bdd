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

    private final CamelContext context;

    public HealthSummary(CamelContext context) {
        this.context = context;
    }

    public Map<String, Object> summary() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        List<Map<String, Object>> checks = new ArrayList<>();
        CHECKS.forEach((name, shown) -> checks.add(registry.getCheck(name)
                .map(check -> describe(name, check.call(), shown))
                .orElseGet(() -> notRegistered(name))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Instant.now().toString());
        out.put("checks", checks);
        return out;
    }

    private static Map<String, Object> describe(String name, HealthCheck.Result result, Predicate<String> shown) {
        Map<String, Object> details = new LinkedHashMap<>();
        result.getDetails().forEach((key, value) -> {
            if (shown.test(key) && value != null) {
                details.put(key, value instanceof String s ? SafeUrl.of(s) : value);
            }
        });
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("state", result.getState().name());
        check.put("message", result.getMessage().map(SafeUrl::of).orElse(null));
        check.put("details", details);
        return check;
    }

    /** The Odoo check exists only when Odoo is configured. */
    private static Map<String, Object> notRegistered(String name) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("state", "UNKNOWN");
        check.put("message", "not configured");
        check.put("details", Map.of());
        return check;
    }
}
