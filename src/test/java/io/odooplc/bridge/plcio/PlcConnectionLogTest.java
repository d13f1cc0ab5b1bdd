package io.odooplc.bridge.plcio;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.odooplc.bridge.ops.TaskRunPolicy;
import io.odooplc.bridge.sim.PlantSettings;
import io.odooplc.bridge.sim.PlcSimulator;
import io.odooplc.bridge.support.FreePorts;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.component.plc4x.Plc4XEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PLC that refuses connections: one line per failed run, the connect stack trace once per outage through the log
 * (not printed raw to stderr on every attempt), and once more when the PLC is lost again after it was back.
 */
class PlcConnectionLogTest {

    private static final String TOKEN = "plc-log-token-12345";

    @Test
    void oneLinePerFailedRunAndOneStackTracePerOutage() throws Exception {
        int port = FreePorts.next();
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("PLC_URL", "modbus-tcp://127.0.0.1:" + port);
        s.put("PLC_TIMEOUT_SEC", "1");
        PrintStream stderr = System.err;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        System.setErr(new PrintStream(raw, true, StandardCharsets.UTF_8));
        try (LogCapture traces = LogCapture.of(PrintedStackTraces.class);
                LogCapture runs = LogCapture.of(TaskRunPolicy.class);
                LogCapture plc4x = LogCapture.of(Plc4XEndpoint.class);
                RunningBridge bridge = RunningBridge.start(s)) {
            for (int i = 0; i < 3; i++) {
                assertThat(bridge.post("/api/tasks/task2-plc-read/run", TOKEN).statusCode()).isEqualTo(502);
            }
            assertThat(runs.count("[task2-plc-read-work] run FAILED")).isEqualTo(3);
            assertThat(traces.lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("WARN ").contains("Connection refused"));
            assertThat(plc4x.lines()).isEmpty();
            assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ", "Connection refused");

            try (PlcSimulator simulator = new PlcSimulator("127.0.0.1", port,
                    PlantSettings.forBatchDuration(Duration.ofSeconds(1)), PlcSimulator.DEFAULT_TICK)) {
                simulator.start();
                RunningBridge.await("a PLC read to succeed", Duration.ofSeconds(30),
                        () -> post(bridge) == 200);
            }
            for (int i = 0; i < 2; i++) {
                assertThat(bridge.post("/api/tasks/task2-plc-read/run", TOKEN).statusCode()).isEqualTo(502);
            }
            assertThat(traces.count("WARN ")).as("one trace for the second outage").isEqualTo(2);
            assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
        } finally {
            System.setErr(stderr);
        }
    }

    private static int post(RunningBridge bridge) {
        try {
            return bridge.post("/api/tasks/task2-plc-read/run", TOKEN).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
