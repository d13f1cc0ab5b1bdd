package io.odooplc.bridge;

import java.util.Map;

import org.apache.camel.main.Main;

/**
 * The Camel application as {@code java -jar} runs it: ./application.properties, whose
 * {@code camel.main.configuration-classes} names {@link BridgeConfiguration}, the same entry point {@code camel run}
 * uses. {@link BridgeMain} runs it; tests start and stop it with settings of their own on top.
 */
public final class BridgeApp {

    private BridgeApp() {
    }

    public static Main create(Map<String, String> settingsOnTop) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties;optional=true");
        settingsOnTop.forEach(main::addOverrideProperty);
        return main;
    }
}
