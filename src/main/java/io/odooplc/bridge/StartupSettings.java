package io.odooplc.bridge;

import java.util.Optional;
import java.util.function.Function;

import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.config.DotEnvPropertiesSource;
import io.odooplc.bridge.config.InvalidSettingException;
import io.odooplc.bridge.config.MapPropertiesSource;
import io.odooplc.bridge.config.SettingSource;
import io.odooplc.bridge.config.SettingValues;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The settings {@link BridgeConfiguration} wires the beans from, read through Camel's properties, so every way of
 * starting the bridge ({@code java -jar}, {@code camel run}, an exported project) sees the same values: environment,
 * command line ({@code --prop}), {@code ./.env}, {@code application.properties}, first wins. A bad value stops the
 * process at once with exit code 2 and one line naming the variable, the value and what is allowed.
 */
final class StartupSettings {

    static final int EXIT_BAD_CONFIGURATION = 2;
    /** The demo's short intervals sit between .env (50) and application.properties (100 and up). */
    private static final int DEMO_ORDER = 60;
    /** Derived values are not settings: nothing set by an operator hides them. */
    private static final int DERIVED_ORDER = -100;

    private StartupSettings() {
    }

    static BridgeSettings load(CamelContext context) throws Exception {
        PropertiesComponent pc = context.getPropertiesComponent();
        Function<String, Optional<String>> camel = pc::resolveProperty;
        try {
            if (pc.getPropertiesSource(DotEnvPropertiesSource.NAME) instanceof DotEnvPropertiesSource dotEnv
                    && dotEnv.problem().isPresent()) {
                throw new IllegalArgumentException(dotEnv.problem().get());
            }
            DemoPlant demo = startDemoIfAsked(context, new SettingValues(SettingSource.of(camel)));
            BridgeSettings settings = BridgeSettings.load(SettingSource.of(demo == null ? camel : demo.over(camel)));
            pc.addPropertiesSource(new MapPropertiesSource("bridge (derived)", DERIVED_ORDER, settings.routeProperties()));
            if (demo != null) {
                demo.banner(settings.httpPort(), settings.managementPort()).forEach(System.out::println);
            }
            return settings;
        } catch (InvalidSettingException | IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.err.flush();
            // Nothing has started that needs stopping; halt rather than exit, so no shutdown hook waits on the
            // Camel start-up this thread is still inside of.
            Runtime.getRuntime().halt(EXIT_BAD_CONFIGURATION);
            throw e;
        }
    }

    private static DemoPlant startDemoIfAsked(CamelContext context, SettingValues values) throws Exception {
        if (!flag(values, "BRIDGE_DEMO")) {
            return null;
        }
        DemoPlant demo = DemoPlant.start(flag(values, "BRIDGE_DEMO_FAULTS"), flag(values, "BRIDGE_DEMO_KEEP_DATA"),
                values.find("BRIDGE_DEMO_ODOO", String.class).orElse("addon"));
        BridgeConfiguration.closeOnStop(context, demo);
        context.getPropertiesComponent().addPropertiesSource(new MapPropertiesSource("demo", DEMO_ORDER,
                demo.intervals()));
        return demo;
    }

    private static boolean flag(SettingValues values, String key) {
        return values.find(key, Boolean.class).orElse(false);
    }
}
