package io.odooplc.bridge.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupSummaryTest {

    private static BridgeSettings load(Map<String, String> top) {
        return TestSettings.load(top);
    }

    @Test
    void oneLinePerTaskThenTheTotal() {
        var lines = StartupSummary.lines(load(Map.of("ENABLE_TASK_4_HEALTH_MONITOR", "false",
                "PLC_READ_INTERVAL", "500ms", "TASK_START_DELAY", "2s")));
        assertThat(lines).containsExactly(
                "Task 1 task1-mo-sync: ENABLED, every 1h (SYNC_INTERVAL_MINUTES), first run 2s after start",
                "Task 2 task2-plc-read: ENABLED, every 500ms (PLC_READ_INTERVAL), first run 2s after start",
                "Task 3 task3-process-completed: ENABLED, every 3m (PROCESS_COMPLETED_INTERVAL_MINUTES), first run 2s after start",
                "Task 4 task4-health-monitor: DISABLED (ENABLE_TASK_4_HEALTH_MONITOR=false)",
                "Task 5 task5-equipment-failure: ENABLED, every 5m (EQUIPMENT_FAILURE_INTERVAL_MINUTES), first run 2s after start",
                "Task 6 task6-log-cleanup: ENABLED, every 1d (LOG_CLEANUP_INTERVAL_MINUTES), first run 2s after start",
                "Scheduler started: 5/6 tasks enabled");
    }

    @Test
    void masterOffSaysWhy() {
        var lines = StartupSummary.lines(load(Map.of("ENABLE_AUTO_SYNC", "FALSE")));
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 6)).allMatch(l -> l.endsWith("DISABLED (ENABLE_AUTO_SYNC=false)"));
        assertThat(lines.get(6)).startsWith("Scheduler started: 0/6 tasks enabled - all tasks are off because ENABLE_AUTO_SYNC=false");
    }

    @Test
    void theServersAreListedWithTheAddressesTheyBind() {
        var lines = StartupSummary.servers(load(Map.of("HTTP_HOST", "0.0.0.0", "HTTP_PORT", "8080",
                "MANAGEMENT_HOST", "127.0.0.1", "MANAGEMENT_PORT", "8081")),
                List.of("POST /api/tasks/{routeId}/{action}", "GET /api/tasks"));
        assertThat(lines).containsExactly(
                "API server http://0.0.0.0:8080 (HTTP_HOST, HTTP_PORT): 2 endpoints",
                "    GET /api/tasks",
                "    POST /api/tasks/{routeId}/{action}",
                "Management server http://127.0.0.1:8081 (MANAGEMENT_HOST, MANAGEMENT_PORT): "
                        + "http://127.0.0.1:8081/observe/health, http://127.0.0.1:8081/observe/metrics");
    }
}
