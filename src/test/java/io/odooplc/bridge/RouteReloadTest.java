package io.odooplc.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Route files: YAML and XML load from ROUTES_DIR; with ROUTES_RELOAD_ENABLED=true an edit applies without a restart. */
class RouteReloadTest {

    @Test
    void editingARouteFileChangesTheRunningRoute(@TempDir Path routes) throws Exception {
        copyRoutes(routes);
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ROUTES_DIR", routes.toString());
        s.put("ROUTES_RELOAD_ENABLED", "true");
        try (RunningBridge bridge = RunningBridge.start(s)) {
            assertThat(period(bridge)).isEqualTo(1_440 * 60_000L);

            Path file = routes.resolve("task6-log-cleanup.camel.yaml");
            String yaml = Files.readString(file);
            Files.writeString(file, yaml.replace("{{interval:LOG_CLEANUP_INTERVAL,LOG_CLEANUP_INTERVAL_MINUTES}}", "45000"));

            // The file's routes come back one after the other: wait for both, not only the timer.
            RunningBridge.await("the reloaded task 6 timer and work route, started", Duration.ofSeconds(20),
                    () -> period(bridge) == 45_000L && bridge.routeStatus("task6-log-cleanup").isStarted()
                            && bridge.routeStatus("task6-log-cleanup-work") != null
                            && bridge.routeStatus("task6-log-cleanup-work").isStarted());
        }
    }

    @Test
    void xmlRouteFilesLoadBesideTheYamlOnes(@TempDir Path routes) throws Exception {
        copyRoutes(routes);
        Files.writeString(routes.resolve("extra.camel.xml"), """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="xml-probe">
                    <from uri="timer:xml-probe?period=60000"/>
                    <to uri="direct:task6-log-cleanup"/>
                  </route>
                </routes>
                """);
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ROUTES_DIR", routes.toString());
        try (RunningBridge bridge = RunningBridge.start(s)) {
            assertThat(bridge.routeStatus("xml-probe").isStarted()).isTrue();
            assertThat(bridge.routeStatus("task6-log-cleanup").isStarted()).isTrue();
        }
    }

    private static void copyRoutes(Path routes) throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
    }

    private static long period(RunningBridge bridge) {
        var route = bridge.context().getRoute("task6-log-cleanup");
        return route == null ? -1 : ((TimerEndpoint) route.getEndpoint()).getPeriod();
    }
}
