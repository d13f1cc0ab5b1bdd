package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PlcSimulatorMainTest {

    @Test
    void defaultsToLoopbackPort5020AndFiveSecondBatches() {
        PlcSimulatorMain.Options options = PlcSimulatorMain.parse(new String[0]);

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(5020);
        assertThat(options.batchDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.tick()).isEqualTo(PlcSimulator.DEFAULT_TICK);
        assertThat(options.finsPort()).isEqualTo(PlcSimulatorMain.NO_FINS);
    }

    @Test
    void readsEveryOption() {
        PlcSimulatorMain.Options options = PlcSimulatorMain.parse(new String[] {
            "--port", "0", "--host", "127.0.0.1", "--batch-seconds", "0.5", "--tick-millis", "10", "--seed", "42", "--fins-port", "9600"});

        assertThat(options.port()).isZero();
        assertThat(options.batchDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.tick()).isEqualTo(Duration.ofMillis(10));
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.finsPort()).isEqualTo(9600);
    }

    @Test
    void buildsASimulatorThatListensWhereAsked() throws Exception {
        PlcSimulatorMain.Options options = PlcSimulatorMain.parse(new String[] {"--port", "0"});
        try (PlcSimulator simulator = options.simulator()) {
            simulator.start();

            assertThat(simulator.host()).isEqualTo("127.0.0.1");
            assertThat(simulator.port()).isPositive();
        }
    }

    @Test
    void servesFinsWhenAskedOnFreePorts() throws Exception {
        PlcSimulatorMain.Options options = PlcSimulatorMain.parse(new String[] {"--port", "0", "--fins-port", "0"});
        try (PlcSimulator simulator = options.simulator()) {
            simulator.start();

            assertThat(simulator.fins().udpPort()).isPositive();
            assertThat(simulator.fins().tcpPort()).isPositive();
        }
    }

    @Test
    void rejectsBadCommandLines() {
        assertThatThrownBy(() -> PlcSimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> PlcSimulatorMain.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> PlcSimulatorMain.parse(new String[] {"--batch-seconds", "0"}))
                .hasMessageContaining("--batch-seconds");
        assertThatThrownBy(() -> PlcSimulatorMain.parse(new String[] {"--fins-port", "-1"}))
                .hasMessageContaining("--fins-port");
        assertThatThrownBy(() -> PlcSimulatorMain.parse(new String[] {"--verbose", "yes"}))
                .hasMessageContaining("--verbose");
    }
}
