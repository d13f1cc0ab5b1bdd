package io.odooplc.bridge;

import java.nio.file.Path;

import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.config.DotEnv;
import io.odooplc.bridge.config.InvalidSettingException;
import io.odooplc.bridge.config.SettingSource;
import io.odooplc.bridge.sim.Demo;

/**
 * {@code java -jar odoo-plc-bridge.jar [--demo [--demo-faults] [--keep-data] [--odoo stock]]}: validates every setting (environment,
 * then ./.env, then ./application.properties) and runs the bridge until stopped. A bad setting stops it with exit
 * code 2. With {@code --demo} the bridge runs against a simulated PLC and a fake Odoo started in the same process.
 */
public final class BridgeMain {

    public static final int EXIT_BAD_CONFIGURATION = 2;

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        Demo demo = Demo.requested(args) ? Demo.start(args) : null;
        BridgeSettings settings;
        try {
            settings = BridgeSettings.load(demo == null ? SettingSource.standard(Path.of(""), System.getenv())
                    : new SettingSource(demo.layers(System.getenv(), DotEnv.read(Path.of(".env")),
                            SettingSource.readProperties(Path.of("application.properties")))));
        } catch (InvalidSettingException | IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIGURATION);
            return;
        }
        if (demo != null) {
            demo.banner(settings.httpPort(), settings.managementPort()).forEach(System.out::println);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-stop"));
        }
        // Our options are not Camel's: Camel's own command line is not used.
        System.exit(BridgeApp.create(settings).run(new String[0]));
    }
}
