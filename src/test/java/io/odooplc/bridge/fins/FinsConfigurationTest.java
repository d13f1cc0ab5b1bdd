package io.odooplc.bridge.fins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.junit.jupiter.api.Test;

class FinsConfigurationTest {

    @Test
    void readsTheOptionsBridgeSettingsWrites() throws Exception {
        FinsConfiguration config = FinsConfiguration.parse(
                "fins:udp://192.168.1.2:9600?client-node=1&plc-node=2&request-timeout=2000");

        assertThat(config.transport()).isEqualTo(FinsConfiguration.Transport.UDP);
        assertThat(config.host()).isEqualTo("192.168.1.2");
        assertThat(config.port()).isEqualTo(9600);
        assertThat(config.nodes()).isEqualTo(new FinsNodes(0, 2, 0, 1));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2000));
        assertThat(config.retries()).isEqualTo(2);
    }

    @Test
    void allOptionsAndDefaults() throws Exception {
        FinsConfiguration config = FinsConfiguration.parse(
                "fins:tcp://plc.local?network=3&unit=16&client-node=0&plc-node=10&request-timeout=150&retries=0");

        assertThat(config.transport()).isEqualTo(FinsConfiguration.Transport.TCP);
        assertThat(config.port()).isEqualTo(FinsConfiguration.DEFAULT_PORT);
        assertThat(config.nodes()).isEqualTo(new FinsNodes(3, 10, 16, 0));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(150));
        assertThat(config.retries()).isZero();
    }

    @Test
    void parametersCamelPlc4xLeavesInTheUriAreIgnored() throws Exception {
        FinsConfiguration config = FinsConfiguration.parse(
                "fins:udp://127.0.0.1:9600?autoReconnect=true&client-node=5&tag.slots=D6000%3AUINT%5B77%5D");

        assertThat(config.nodes().clientNode()).isEqualTo(5);
    }

    @Test
    void unknownOptionIsAnErrorNamingTheAllowedOnes() {
        assertThatThrownBy(() -> FinsConfiguration.parse("fins:udp://127.0.0.1?client_node=5"))
                .isInstanceOf(PlcConnectionException.class)
                .hasMessageContaining("unknown option 'client_node'")
                .hasMessageContaining("client-node");
    }

    @Test
    void outOfRangeValueIsAnError() {
        assertThatThrownBy(() -> FinsConfiguration.parse("fins:udp://127.0.0.1?plc-node=255"))
                .isInstanceOf(PlcConnectionException.class)
                .hasMessageContaining("plc-node='255' is not a whole number in 0..254");
    }

    @Test
    void otherSchemesAreRejected() {
        assertThatThrownBy(() -> FinsConfiguration.parse("fins:serial:///dev/ttyS0"))
                .isInstanceOf(PlcConnectionException.class)
                .hasMessageContaining("fins:udp://host[:port]");
    }
}
