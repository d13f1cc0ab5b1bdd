package io.odooplc.bridge;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The demo's simulated plant (PLC, Odoo, a database of its own) as the bridge starts it for {@code BRIDGE_DEMO=true}.
 * The simulators live in package {@code sim}, which production code never names: the one implementation is found
 * through {@code META-INF/services/io.odooplc.bridge.DemoPlant$Starter}.
 */
public interface DemoPlant extends AutoCloseable {

    /** Starts the simulated plant; a fresh demo database unless {@code keepData}; {@code odoo}: addon or stock[-NN]. */
    static DemoPlant start(boolean faults, boolean keepData, String odoo) throws IOException {
        Starter starter = ServiceLoader.load(Starter.class, DemoPlant.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("BRIDGE_DEMO=true, but this build has no demo"));
        return starter.start(faults, keepData, odoo);
    }

    /** What package {@code sim} provides. */
    interface Starter {
        DemoPlant start(boolean faults, boolean keepData, String odoo) throws IOException;
    }

    /** The settings the plant owns (its addresses, its database) over {@code others}, which decide the rest. */
    Function<String, Optional<String>> over(Function<String, Optional<String>> others);

    /** The demo's pace; the operator's environment, command line and .env still win over it. */
    Map<String, String> intervals();

    /** What to print at the start so a person knows where to look. */
    List<String> banner(int httpPort, int managementPort);

    @Override
    void close();
}
