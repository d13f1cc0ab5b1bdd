package io.odooplc.bridge.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel cmd stop-route / start-route} against the running bridge: the Camel CLI asks through the action file
 * camel-cli-connector watches ({@code ~/.camel/<pid>-action.json}); this test writes what the CLI writes.
 */
class CamelCliTest {

    @Test
    void theCamelCliStopsAndStartsATaskRoute() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(RunningBridge.testSettings())) {
            Path action = Path.of(System.getProperty("user.home"), ".camel",
                    ProcessHandle.current().pid() + "-action.json");
            Path status = action.resolveSibling(ProcessHandle.current().pid() + "-status.json");
            // camel ps shows "Running" soon after the start, not the "Starting" of a status taken during it.
            RunningBridge.await("the CLI connector's status file saying Started", Duration.ofSeconds(60),
                    () -> says(status, "\"state\":\"Started\""));

            Files.writeString(action, "{\"action\":\"route\",\"command\":\"stop\",\"id\":\"task2-plc-read\"}");
            RunningBridge.await("camel cmd stop-route", Duration.ofSeconds(60),
                    () -> bridge.routeStatus("task2-plc-read") == ServiceStatus.Stopped);
            // The connector deletes the action file once the action is done: a command written before that is lost.
            RunningBridge.await("the stop action done", Duration.ofSeconds(60), () -> !Files.exists(action));

            Files.writeString(action, "{\"action\":\"route\",\"command\":\"start\",\"id\":\"task2-plc-read\"}");
            RunningBridge.await("camel cmd start-route", Duration.ofSeconds(60),
                    () -> bridge.routeStatus("task2-plc-read") == ServiceStatus.Started);
            assertThat(bridge.routeStatus("task1-mo-sync")).isEqualTo(ServiceStatus.Started);
        }
    }

    private static boolean says(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException notYetOrBeingRewritten) {
            return false;
        }
    }
}
