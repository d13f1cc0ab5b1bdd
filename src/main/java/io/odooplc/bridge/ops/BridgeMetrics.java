package io.odooplc.bridge.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.spi.Registry;

/** The bridge's own {@code bridge_*} meters, in the registry Camel's Prometheus endpoint scrapes. */
public class BridgeMetrics {

    /** The name under which camel-micrometer-prometheus looks for (or binds) its registry. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;

    private BridgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Shares Camel's Prometheus registry, creating it first when Camel has not yet, so both use the same one. */
    public static BridgeMetrics in(Registry camelRegistry) {
        MeterRegistry existing = camelRegistry.lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (existing != null) {
            return new BridgeMetrics(existing);
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        camelRegistry.bind(REGISTRY_NAME, created);
        return new BridgeMetrics(created);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
