package io.odooplc.bridge.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;

/** The bridge's own {@code bridge_*} meters, in the registry Camel's Prometheus endpoint scrapes. */
public class BridgeMetrics {

    private final CamelContext context;
    private volatile MeterRegistry registry;

    public BridgeMetrics(CamelContext context) {
        this.context = context;
    }

    /** Resolved on first use: Camel binds its Prometheus registry while starting. */
    public MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            r = context.getRegistry().findSingleByType(MeterRegistry.class);
            registry = r != null ? r : new SimpleMeterRegistry();
            r = registry;
        }
        return r;
    }
}
