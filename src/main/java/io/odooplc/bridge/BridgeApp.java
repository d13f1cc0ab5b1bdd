package io.odooplc.bridge;

import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.ops.QuietCliConnectorFactory;
import org.apache.camel.main.Main;

/** Builds the Camel application from validated settings; {@link BridgeMain} runs it, tests start and stop it. */
public final class BridgeApp {

    private BridgeApp() {
    }

    public static Main create(BridgeSettings settings) {
        Main main = new Main();
        // Camel reads ./application.properties (camel.* keys) and sees every bridge setting exactly as validated.
        main.setDefaultPropertyPlaceholderLocation("file:application.properties;optional=true");
        settings.camelProperties().forEach(main::addOverrideProperty);
        // Found by Camel before it starts the CLI connector (camel.beans.* would be bound too late for that).
        main.bind("cliConnectorFactory", new QuietCliConnectorFactory(settings.camelCliEnabled()));
        main.configure().addConfiguration(new BridgeConfiguration(settings));
        return main;
    }
}
