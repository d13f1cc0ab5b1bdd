package io.odooplc.bridge;

import java.nio.file.Path;

import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.config.InvalidSettingException;
import io.odooplc.bridge.config.SettingSource;

/**
 * {@code java -jar odoo-plc-bridge.jar}: validates every setting (environment, then ./.env, then
 * ./application.properties) and runs the bridge until stopped. A bad setting stops it with exit code 2.
 */
public final class BridgeMain {

    public static final int EXIT_BAD_CONFIGURATION = 2;

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        BridgeSettings settings;
        try {
            settings = BridgeSettings.load(SettingSource.standard(Path.of(""), System.getenv()));
        } catch (InvalidSettingException | IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIGURATION);
            return;
        }
        System.exit(BridgeApp.create(settings).run(args));
    }
}
