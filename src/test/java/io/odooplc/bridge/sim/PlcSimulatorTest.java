package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as the bridge meets it: over Modbus TCP, with the plant ticking in real time. */
class PlcSimulatorTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final PlcSimulator simulator = new PlcSimulator("127.0.0.1", 0,
            new PlantSettings(Duration.ofMillis(300), Duration.ofMillis(40), 1, 3), Duration.ofMillis(20));

    @BeforeEach
    void start() throws IOException {
        simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void runsARoundWrittenOverModbusAndKeepsTheAck() throws Exception {
        try (RawModbusClient bridge = new RawModbusClient(simulator.port())) {
            bridge.writeMultipleRegisters(7000,
                    LegacySlot.recipe(1, "WH/MO/00011", "[10083] JF PLUS UVP", 1000, Map.of(101, 300.0, 102, 150.0)));

            awaitWord(bridge, 7076, 1);
            awaitWord(bridge, 6072, 1);
            int[] slot = bridge.readHoldingRegisters(6000, 77);

            assertThat(slot[0]).isEqualTo(1);
            assertThat(slot).startsWith(1, 22344, 12109, 20271, 12336, 12337, 12544, 0, 0);
            assertThat(LegacySlot.kgTimes100(slot, 28) / 100).isBetween(299L, 301L);
            assertThat(slot[76]).isZero();

            bridge.writeSingleRegister(6076, 1);
            Thread.sleep(100);

            assertThat(bridge.readHoldingRegisters(6076, 1)).containsExactly(1);
        }
        assertThat(simulator.plant().finishedBatches()).isEqualTo(1);
    }

    @Test
    void plantKeepsRunningWhileThePlcIsDownAndServesAgainOnTheSamePort() throws Exception {
        int port = simulator.port();
        simulator.image().write(7000, LegacySlot.recipe(1, "WH/MO/00011", "JF PLUS KUR", 1000, Map.of(103, 40.0)));
        simulator.server().stop();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (simulator.plant().finishedBatches() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(simulator.plant().finishedBatches()).as("finished while the PLC was off the network").isEqualTo(1);
        assertThat(simulator.server().isRunning()).isFalse();

        simulator.server().start();

        try (RawModbusClient bridge = new RawModbusClient(port)) {
            awaitWord(bridge, 6072, 1);
        }
        assertThat(simulator.port()).isEqualTo(port);
    }

    private static void awaitWord(RawModbusClient client, int address, int expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int value = client.readHoldingRegisters(address, 1)[0];
        while (value != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            value = client.readHoldingRegisters(address, 1)[0];
        }
        assertThat(value).as("D%d", address).isEqualTo(expected);
    }
}
