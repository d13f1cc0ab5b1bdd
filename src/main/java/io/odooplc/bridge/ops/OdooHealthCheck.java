package io.odooplc.bridge.ops;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.odooplc.bridge.odoo.OdooCircuit;
import io.odooplc.bridge.odoo.OdooClient;
import io.odooplc.bridge.odoo.OdooReply;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Odoo as the bridge last found it, without calling it: DOWN while the circuit is open or when the last call could
 * not reach Odoo or log in; UP otherwise (a business rejection means Odoo works). Readiness only: a restart of the
 * bridge cannot bring Odoo back.
 */
public class OdooHealthCheck extends AbstractHealthCheck {

    private final OdooClient odoo;

    public OdooHealthCheck(OdooClient odoo) {
        super("bridge", "odoo");
        this.odoo = odoo;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        OdooCircuit circuit = odoo.circuit();
        builder.detail("url", odoo.safeUrl());
        builder.detail("circuit", circuit.state().name());
        builder.detail("consecutive_failures", circuit.consecutiveFailures());
        if (circuit.retryAt() != null) {
            builder.detail("next_trial_at", circuit.retryAt().toString());
        }
        var last = odoo.lastCall();
        last.ifPresent(call -> {
            builder.detail("last_call_at", call.at().toString());
            builder.detail("last_call", call.path().path());
            builder.detail("last_outcome", call.outcome().name());
            builder.detail("last_message", call.message());
        });
        if (circuit.state() == CircuitBreaker.State.OPEN) {
            builder.message("circuit open: Odoo failed " + circuit.consecutiveFailures() + " calls in a row").down();
        } else if (last.isPresent() && last.get().outcome() == OdooReply.Outcome.FAILED
                && circuit.consecutiveFailures() > 0) {
            builder.message(last.get().message()).down();
        } else {
            builder.up();
        }
    }
}
