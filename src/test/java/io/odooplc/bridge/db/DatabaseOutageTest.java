package io.odooplc.bridge.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.FreePorts;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL down at start and going away later: runs fail clearly, health says DOWN, the bridge recovers alone. */
class DatabaseOutageTest {

    private static final String TOKEN = "outage-test-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void downAtStartThenUpThenDownAgain(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        Map<String, String> s = RunningBridge.testSettings();
        s.put("DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:" + port + "/postgres");
        s.put("ADMIN_TOKEN", TOKEN);
        try (RunningBridge bridge = RunningBridge.start(s)) {
            assertThat(run(bridge)).isEqualTo("FAILED");
            assertThat(lastError(bridge)).contains("database unavailable");
            assertThat(databaseHealth(bridge)).isEqualTo("DOWN");

            try (EmbeddedDatabase pg = EmbeddedDatabase.start(dir.resolve("pg"), port)) {
                RunningBridge.await("database health UP", Duration.ofSeconds(20),
                        () -> "UP".equals(databaseHealth(bridge)));
                assertThat(run(bridge)).isEqualTo("OK");
            }
            assertThat(run(bridge)).isEqualTo("FAILED");
            assertThat(databaseHealth(bridge)).isEqualTo("DOWN");

            try (EmbeddedDatabase pg = EmbeddedDatabase.start(dir.resolve("pg"), port)) {
                RunningBridge.await("a task run to succeed again", Duration.ofSeconds(20),
                        () -> "OK".equals(run(bridge)));
            }
        }
    }

    private static String run(RunningBridge bridge) {
        try {
            return JSON.readTree(bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN).body()).get("run").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastError(RunningBridge bridge) throws Exception {
        for (JsonNode t : JSON.readTree(bridge.get("/api/tasks").body()).get("tasks")) {
            if (t.get("routeId").asText().equals("task6-log-cleanup")) {
                return t.get("lastRun").get("error").asText();
            }
        }
        throw new AssertionError("task6 missing");
    }

    private static String databaseHealth(RunningBridge bridge) {
        try {
            return bridge.healthCheck("database").get("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
