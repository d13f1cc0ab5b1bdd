package io.odooplc.bridge.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.odooplc.bridge.plcio.PlcHealth;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * DOWN when the latest exchange with the PLC failed (read cycle incomplete, write not confirmed), UP once one
 * succeeds again; UNKNOWN until the bridge has talked to the PLC. Details: the outcome of the latest exchange and
 * its age, so a task that stopped reading shows as an old UP.
 */
public class PlcHealthCheck extends AbstractHealthCheck {

    private final PlcHealth health;
    private final String plcUrl;

    public PlcHealthCheck(PlcHealth health, String plcUrl) {
        super("bridge", "plc");
        this.health = health;
        this.plcUrl = plcUrl;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("plc", plcUrl);
        var last = health.last();
        if (last.isEmpty()) {
            builder.message("no exchange with the PLC yet").unknown();
            return;
        }
        PlcHealth.Outcome outcome = last.get();
        builder.detail("last_operation", outcome.operation());
        builder.detail("last_outcome", outcome.ok() ? "OK" : "FAILED");
        builder.detail("last_at", outcome.at().toString());
        builder.detail("age_seconds", Duration.between(outcome.at(), Instant.now()).toSeconds());
        if (outcome.ok()) {
            builder.up();
        } else {
            // Camel's health endpoint escapes a check's message and then serialises it again, so a URL or an MO name
            // in it would read modbus-tcp:\\\/\\\/...; the text goes in a detail, which is serialised once.
            builder.detail("last_error", outcome.message());
            builder.message("the last " + outcome.operation() + " failed (details: last_error)").down();
        }
    }
}
