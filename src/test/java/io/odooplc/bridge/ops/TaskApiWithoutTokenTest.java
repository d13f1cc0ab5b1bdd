package io.odooplc.bridge.ops;

import java.net.http.HttpResponse;

import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiWithoutTokenTest {

    @Test
    void controlIsForbiddenAndSaysWhyWhenNoTokenIsConfigured() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(RunningBridge.testSettings())) {
            HttpResponse<String> r = bridge.post("/api/tasks/task2-plc-read/stop", "anything-at-all");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("set ADMIN_TOKEN to enable it");
            assertThat(bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Started);
            assertThat(bridge.get("/api/tasks").statusCode()).isEqualTo(200);
            HttpResponse<String> cancel = bridge.post("/api/batches/1/cancel", "anything-at-all");
            assertThat(cancel.statusCode()).isEqualTo(403);
            assertThat(bridge.get("/api/batches").statusCode()).isEqualTo(200);
        }
    }
}
