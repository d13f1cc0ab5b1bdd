package io.odooplc.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.Sql;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Route files: YAML and XML load from ROUTES_DIR; with ROUTES_RELOAD_ENABLED=true an edit applies without a restart. */
class RouteReloadTest {

    private static final String TOKEN = "reload-token-1234";

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

            // A file's routes come back one by one: wait for both, the work route too.
            RunningBridge.await("the reloaded task 6 timer and work route, started", Duration.ofSeconds(20),
                    () -> period(bridge) == 45_000L && started(bridge, "task6-log-cleanup")
                            && started(bridge, "task6-log-cleanup-work"));
        }
    }

    /** A plant engineer widens what task 6 deletes by editing its query: the next run uses the new query. */
    @Test
    void editingTask6sQueryChangesWhatTheNextRunDeletes(@TempDir Path routes) throws Exception {
        copyRoutes(routes);
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ROUTES_DIR", routes.toString());
        s.put("ROUTES_RELOAD_ENABLED", "true");
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("LOG_CLEANUP_KEEP_LAST", "0");
        Sql sql = new Sql(s.get("DATABASE_URL"));
        try (RunningBridge bridge = RunningBridge.start(s)) {
            long attention = sql.batch("WH/MO/00041", 1, "NEEDS_ATTENTION", "", "");
            sql.exec("insert into batch_event (batch_id, at, to_state) values (" + attention
                    + ", now() - interval '40 days', 'STAGED')");
            String events = "select count(*) from batch_event where batch_id = " + attention;
            assertThat(bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN).statusCode()).isEqualTo(200);
            assertThat(sql.longValue(events)).isEqualTo(1);

            Path file = routes.resolve("task6-log-cleanup.camel.yaml");
            String yaml = Files.readString(file);
            String archived = "b.state in ('SYNCED', 'CANCELLED')";
            assertThat(yaml).contains(archived);
            Files.writeString(file, yaml.replace(archived, "b.state in ('SYNCED', 'CANCELLED', 'NEEDS_ATTENTION')"));

            RunningBridge.await("a task 6 run with the edited query", Duration.ofSeconds(30), () -> {
                try {
                    bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN);
                    return sql.longValue(events) == 0;
                } catch (Exception e) {
                    return false;
                }
            });
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

    private static boolean started(RunningBridge bridge, String routeId) {
        var status = bridge.routeStatus(routeId);
        return status != null && status.isStarted();
    }

    private static long period(RunningBridge bridge) {
        var route = bridge.context().getRoute("task6-log-cleanup");
        return route == null ? -1 : ((TimerEndpoint) route.getEndpoint()).getPeriod();
    }
}
