package io.odooplc.bridge.plcio;

import io.micrometer.core.instrument.Counter;
import io.odooplc.bridge.config.SafeUrl;
import io.odooplc.bridge.ops.BridgeMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.plc4x.Plc4XEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every exchange with the PLC shares: the connection string as logs may show it, request and failure
 * counters, the health state, and the recovery after a failure.
 */
public final class PlcLink {

    private static final Logger LOG = LoggerFactory.getLogger(PlcLink.class);

    private final String url;
    private final BridgeMetrics metrics;
    private final PlcHealth health;

    public PlcLink(String plcUrl, BridgeMetrics metrics, PlcHealth health) {
        this.url = SafeUrl.of(plcUrl);
        this.metrics = metrics;
        this.health = health;
    }

    public String url() {
        return url;
    }

    public PlcHealth health() {
        return health;
    }

    public BridgeMetrics metrics() {
        return metrics;
    }

    /** Counts requests that went on the wire. */
    public void requests(String operation, int count) {
        Counter.builder("bridge_plc_requests_total").tag("operation", operation).register(metrics.registry())
                .increment(count);
    }

    public void succeeded(String what) {
        health.succeeded(what);
    }

    /**
     * Records a failed exchange and drops every PLC connection, so the next one starts on a fresh connection instead
     * of queueing behind requests a slow PLC has not answered yet (measured: a timed-out cycle otherwise keeps the
     * following ones failing until the PLC has worked off its backlog). camel-plc4x reconnects on the next request.
     */
    public PlcException failed(String operation, String what, String message, CamelContext context) {
        Counter.builder("bridge_plc_failures_total").tag("operation", operation).register(metrics.registry())
                .increment();
        health.failed(what, message);
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof Plc4XEndpoint plc) {
                try {
                    ServiceHelper.stopService(plc);
                    ServiceHelper.startService(plc);
                } catch (RuntimeException e) {
                    LOG.warn("could not reset PLC connection {}: {}", SafeUrl.of(plc.getUri()), e.getMessage());
                }
            }
        }
        return new PlcException(message);
    }
}
