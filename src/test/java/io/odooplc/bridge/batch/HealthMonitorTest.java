package io.odooplc.bridge.batch;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Task 4: findings appear once, clear once, and show in metrics and the batches health check. */
class HealthMonitorTest {

    private static final String TOKEN = "health-test-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> settings(boolean affectsReadiness) {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("BATCH_STUCK_THRESHOLD_MINUTES", "15");
        s.put("BATCH_HEALTH_AFFECTS_READINESS", Boolean.toString(affectsReadiness));
        return s;
    }

    @Test
    void findingsAppearAndClearOnceAndAreExported() throws Exception {
        Map<String, String> s = settings(false);
        Sql sql = new Sql(s.get("DATABASE_URL"));
        try (RunningBridge bridge = RunningBridge.start(s); LogCapture log = LogCapture.of(HealthMonitor.class)) {
            long stuck = sql.batch("WH/MO/00011", 1, "WRITTEN", "last_plc_read_at, state_changed_at",
                    "now() - interval '20 minutes', now() - interval '30 minutes'");
            sql.batch("WH/MO/00012", 2, "RUNNING", "last_plc_read_at", "now() - interval '1 minute'");
            // Written long ago but read a minute ago: alive (plant-contract #29, read time not change time counts).
            sql.batch("WH/MO/00013", 3, "RUNNING", "last_plc_read_at, last_plc_change_at, state_changed_at",
                    "now() - interval '1 minute', now() - interval '50 minutes', now() - interval '60 minutes'");
            sql.batch("WH/MO/00014", 4, "RUNNING", "plc_failed, failure_reason, last_plc_read_at",
                    "true, 'Status Operation = 1', now()");
            sql.batch("WH/MO/00015", 5, "COMPLETED", "state_changed_at", "now() - interval '5 minutes'");
            sql.batch("WH/MO/00016", 6, "NEEDS_ATTENTION", "", "");

            JsonNode run = run(bridge);
            assertThat(run.get("lastRun").get("counts").asText())
                    .contains("active=5", "stuck=1", "failed=1", "needs_attention=1");
            run(bridge);
            assertThat(log.count("WH/MO/00011 (slot 1, WRITTEN) appears stuck")).isEqualTo(1);
            assertThat(log.count("WH/MO/00014 (slot 4, RUNNING) reported failed by the PLC")).isEqualTo(1);
            assertThat(log.count("1 batch(es) need an operator")).isEqualTo(1);
            assertThat(log.lines()).noneMatch(l -> l.contains("WH/MO/00012") || l.contains("WH/MO/00013"));

            String metrics = bridge.management("/observe/metrics").body();
            assertThat(metrics).contains("bridge_batches{state=\"RUNNING\"} 3.0", "bridge_batches_stuck 1.0");
            assertThat(metrics).containsPattern("bridge_odoo_backlog_age_seconds (29\\d|30\\d)\\.");

            JsonNode check = bridge.healthCheck("batches");
            assertThat(check.get("status").asText()).isEqualTo("UP");
            assertThat(check.get("data")).as("health check %s", check).isNotNull();
            assertThat(check.get("data").get("stuck").asInt()).isEqualTo(1);

            sql.exec("update batch set last_plc_read_at = now() where id = " + stuck);
            assertThat(run(bridge).get("lastRun").get("counts").asText()).contains("stuck=0");
            assertThat(log.count("cleared: batch " + stuck + " WH/MO/00011")).isEqualTo(1);
            run(bridge);
            assertThat(log.count("cleared:")).isEqualTo(1);
        }
    }

    @Test
    void findingsTurnReadinessDownWhenTheOperatorAsksForIt() throws Exception {
        Map<String, String> s = settings(true);
        Sql sql = new Sql(s.get("DATABASE_URL"));
        try (RunningBridge bridge = RunningBridge.start(s)) {
            sql.batch("WH/MO/00021", 1, "RUNNING", "plc_failed, failure_reason", "true, 'Status Operation = 1'");
            run(bridge);
            assertThat(bridge.healthCheck("batches").get("status").asText()).isEqualTo("DOWN");
            sql.exec("update batch set plc_failed = false");
            run(bridge);
            assertThat(bridge.healthCheck("batches").get("status").asText()).isEqualTo("UP");
        }
    }

    private static JsonNode run(RunningBridge bridge) throws Exception {
        JsonNode body = JSON.readTree(bridge.post("/api/tasks/task4-health-monitor/run", TOKEN).body());
        assertThat(body.get("run").asText()).isEqualTo("OK");
        return body;
    }

}
