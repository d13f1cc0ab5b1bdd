package io.odooplc.bridge.ops;

import java.util.Map;

import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.spi.CliConnector;
import org.apache.camel.spi.CliConnectorFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CAMEL_CLI_ENABLED decides whether the bridge runs the (quiet) Camel CLI connector at all. */
class CamelCliSwitchTest {

    @Test
    void theQuietConnectorRunsByDefault() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(RunningBridge.testSettings())) {
            CliConnectorFactory factory = bridge.context().getCamelContextExtension()
                    .getContextPlugin(CliConnectorFactory.class);

            assertThat(factory).isInstanceOf(QuietCliConnectorFactory.class);
            assertThat(bridge.context().hasService(CliConnector.class)).isNotNull();
        }
    }

    @Test
    void camelCliEnabledFalseRunsNoConnector() throws Exception {
        Map<String, String> settings = RunningBridge.testSettings();
        settings.put("CAMEL_CLI_ENABLED", "false");
        try (RunningBridge bridge = RunningBridge.start(settings)) {
            assertThat(bridge.context().hasService(CliConnector.class)).isNull();
        }
    }
}
