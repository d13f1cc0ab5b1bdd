package io.odooplc.bridge.ops;

import java.util.Map;

import io.odooplc.bridge.batch.HealthMonitor;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The {@code batches} readiness check: task 4's last findings as details. Findings turn it DOWN only when
 * {@code BATCH_HEALTH_AFFECTS_READINESS=true}; liveness never depends on batches, so the bridge is not restarted for
 * a stuck batch.
 */
public class BatchesHealthCheck extends AbstractHealthCheck {

    private final HealthMonitor health;
    private final boolean affectsReadiness;

    public BatchesHealthCheck(HealthMonitor health, boolean affectsReadiness) {
        super("bridge", "batches");
        this.health = health;
        this.affectsReadiness = affectsReadiness;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        HealthMonitor.Snapshot s = health.lastSnapshot();
        if (s == null) {
            builder.message("no batch health check has run yet (task 4)").up();
            return;
        }
        builder.detail("checked_at", s.checkedAt().toString());
        builder.detail("stuck", s.stuck());
        builder.detail("odoo_backlog_age_seconds", Math.round(s.backlogAgeSeconds()));
        s.counts().forEach((state, n) -> builder.detail("batches_" + state.name().toLowerCase(), n));
        s.findings().forEach(builder::detail);
        if (s.findings().isEmpty()) {
            builder.up();
        } else {
            long lost = s.findings().keySet().stream().filter(key -> key.startsWith("missing:")).count();
            builder.message(s.findings().size() + " finding(s)" + (lost == 0 ? "" : ", " + lost
                    + " batch(es) no longer on the PLC (in neither their WRITE nor their READ slot): requeue each"
                    + " once you know the PLC did not produce it"));
            if (affectsReadiness) {
                builder.down();
            } else {
                builder.up();
            }
        }
    }
}
