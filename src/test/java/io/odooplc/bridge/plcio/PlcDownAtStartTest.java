package io.odooplc.bridge.plcio;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.sim.PlantSettings;
import io.odooplc.bridge.sim.PlcSimulator;
import io.odooplc.bridge.support.FreePorts;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PLC that is down when the bridge starts: the bridge starts anyway, runs fail clearly, and it recovers alone. */
class PlcDownAtStartTest {

    private static final String TOKEN = "plc-down-token-1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBridgeStartsWithoutItsPlcAndRecoversWhenItComes() throws Exception {
        int port = FreePorts.next();
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("PLC_URL", "modbus-tcp://127.0.0.1:" + port);
        s.put("PLC_TIMEOUT_SEC", "1");
        try (RunningBridge bridge = RunningBridge.start(s);
                PlcSimulator plc = new PlcSimulator("127.0.0.1", port,
                        PlantSettings.forBatchDuration(Duration.ofSeconds(1)), PlcSimulator.DEFAULT_TICK)) {
            JsonNode down = run(bridge);
            assertThat(down.get("run").asText()).isEqualTo("FAILED");
            assertThat(down.get("lastRun").get("error").asText()).contains("127.0.0.1:" + port, "no answer");
            assertThat(bridge.healthCheck("plc").get("status").asText()).isEqualTo("DOWN");

            plc.start();
            RunningBridge.await("task 2 to read the PLC once it is up", Duration.ofSeconds(30),
                    () -> "OK".equals(run(bridge).get("run").asText()));
            assertThat(bridge.healthCheck("plc").get("status").asText()).isEqualTo("UP");
        }
    }

    private static JsonNode run(RunningBridge bridge) {
        try {
            return JSON.readTree(bridge.post("/api/tasks/task2-plc-read/run", TOKEN).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
