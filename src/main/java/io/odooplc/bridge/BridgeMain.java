package io.odooplc.bridge;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;

/**
 * {@code java -jar odoo-plc-bridge.jar [--demo [--demo-faults] [--keep-data] [--odoo stock[-NN]]]}: runs the bridge
 * until stopped, with its settings from the environment, ./.env and ./application.properties (a bad one stops it
 * with exit code 2). The options are the settings {@code BRIDGE_DEMO}, {@code BRIDGE_DEMO_FAULTS},
 * {@code BRIDGE_DEMO_KEEP_DATA} and {@code BRIDGE_DEMO_ODOO}.
 */
public final class BridgeMain {

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Map<String, String> settings = new HashMap<>();
        if (options.contains("--demo")) {
            settings.put("BRIDGE_DEMO", "true");
            settings.put("BRIDGE_DEMO_FAULTS", Boolean.toString(options.contains("--demo-faults")));
            settings.put("BRIDGE_DEMO_KEEP_DATA", Boolean.toString(options.contains("--keep-data")));
            int odoo = options.indexOf("--odoo");
            if (odoo >= 0 && odoo + 1 < options.size()) {
                settings.put("BRIDGE_DEMO_ODOO", options.get(odoo + 1));
            }
        }
        try {
            // Our options are not Camel's: Camel's own command line is not used.
            System.exit(BridgeApp.create(settings).run(new String[0]));
        } catch (RuntimeCamelException e) {
            // Camel looks for the route files before the settings are read, so a missing folder surfaces here.
            if (e.getCause() instanceof NoSuchFileException missing) {
                System.err.println("Configuration error: ROUTES_DIR='" + missing.getFile() + "' is not valid: no such"
                        + " folder in " + Path.of("").toAbsolutePath() + "; it must hold the bridge's route files"
                        + " (*.camel.yaml)");
                System.exit(StartupSettings.EXIT_BAD_CONFIGURATION);
            }
            throw e;
        }
    }
}
