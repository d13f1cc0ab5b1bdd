package io.odooplc.bridge.ops;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiTest {

    private static final String TOKEN = "test-admin-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("ENABLE_TASK_4_HEALTH_MONITOR", "false");
        s.put("LOG_CLEANUP_INTERVAL", "90s");
        bridge = RunningBridge.start(s);
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode task(JsonNode list, String routeId) {
        for (JsonNode t : list.get("tasks")) {
            if (t.get("routeId").asText().equals(routeId)) {
                return t;
            }
        }
        throw new AssertionError("no task " + routeId + " in " + list);
    }

    @Test
    void listsEveryTaskWithItsConfigurationAndState() throws Exception {
        HttpResponse<String> r = bridge.get("/api/tasks");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(fieldNames(list)).containsExactly("masterSwitch", "tasks");
        assertThat(list.get("tasks")).hasSize(6);
        JsonNode cleanup = task(list, "task6-log-cleanup");
        // The console reads these names; a task answer other than a run's has no "run".
        assertThat(fieldNames(cleanup)).containsExactly("routeId", "title", "configuredEnabled", "configuredBy",
                "status", "intervalMillis", "interval", "lastRun", "nextRunAt");
        assertThat(cleanup.get("configuredEnabled").asBoolean()).isTrue();
        assertThat(cleanup.get("status").asText()).isEqualTo("Started");
        assertThat(cleanup.get("intervalMillis").asLong()).isEqualTo(90_000);
        assertThat(cleanup.get("interval").asText()).isEqualTo("1m30s");
        assertThat(cleanup.get("nextRunAt").isNull()).isFalse();
        JsonNode health = task(list, "task4-health-monitor");
        assertThat(health.get("configuredEnabled").asBoolean()).isFalse();
        assertThat(health.get("configuredBy").asText()).isEqualTo("ENABLE_TASK_4_HEALTH_MONITOR=false");
        assertThat(health.get("status").asText()).isEqualTo("Stopped");
        assertThat(health.get("nextRunAt").isNull()).isTrue();
    }

    @Test
    void runsATaskNowEvenWhenItsTimerIsOff() throws Exception {
        assertThat(bridge.routeStatus("task4-health-monitor")).isEqualTo(ServiceStatus.Stopped);
        HttpResponse<String> r = bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("run").asText()).isEqualTo("OK");
        assertThat(fieldNames(body)).endsWith("nextRunAt", "run");
        JsonNode last = body.get("lastRun");
        assertThat(fieldNames(last)).containsExactly("startedAt", "finishedAt", "outcome", "trigger", "counts",
                "error");
        assertThat(last.get("outcome").asText()).isEqualTo("OK");
        assertThat(last.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(last.get("counts").asText()).contains("deleted_runs=0");
        assertThat(last.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void listsRecordedRunsNewestFirst() throws Exception {
        bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN);
        bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN);
        JsonNode runs = JSON.readTree(bridge.get("/api/tasks/task6-log-cleanup/runs?limit=2").body()).get("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("id").asLong()).isGreaterThan(runs.get(1).get("id").asLong());
        assertThat(runs.get(0).get("outcome").asText()).isEqualTo("OK");
        assertThat(runs.get(0).get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(runs.get(0).get("counts").asText()).contains("deleted_runs=");
        HttpResponse<String> zero = bridge.get("/api/tasks/task6-log-cleanup/runs?limit=0");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(zero.body()).get("error").asText()).isEqualTo("limit must be a whole number 1..1000");
        assertThat(bridge.get("/api/tasks/nope/runs").statusCode()).isEqualTo(404);
    }

    @Test
    void stopsAndStartsATimer() throws Exception {
        HttpResponse<String> stop = bridge.post("/api/tasks/task2-plc-read/stop", TOKEN);
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stop.body()).get("status").asText()).isEqualTo("Stopped");
        assertThat(bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Stopped);

        HttpResponse<String> start = bridge.post("/api/tasks/task2-plc-read/start", TOKEN);
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void controlNeedsTheRightToken() throws Exception {
        HttpResponse<String> none = bridge.post("/api/tasks/task2-plc-read/stop", null);
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = bridge.post("/api/tasks/task2-plc-read/stop", "not-the-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("wrong token");
        assertThat(bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void unknownTaskOrActionIs404() throws Exception {
        assertThat(bridge.post("/api/tasks/task9-nothing/run", TOKEN).statusCode()).isEqualTo(404);
        assertThat(bridge.post("/api/tasks/task2-plc-read/explode", TOKEN).statusCode()).isEqualTo(404);
    }
}
