package io.odooplc.bridge.odoo;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.config.BridgeSettings.OdooCallSettings;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.ops.BridgeMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.FluentProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The addon's Odoo route files of the repository ({@code routes/odoo-addon.camel.yaml}, {@code odoo-http.camel.yaml}) running in a Camel context of its own
 * with the beans the bridge binds, so tests call the very {@code direct:odoo-...} operations the tasks call.
 */
public final class OdooRoutes implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final OdooClient client;
    private final BridgeMetrics metrics;
    private final FluentProducerTemplate template;

    public OdooRoutes(Optional<OdooSettings> connection, OdooCallSettings tuning) {
        this(connection, tuning, Clock.systemUTC());
    }

    /** With the clock the circuit breaker's cool-down runs on. */
    public OdooRoutes(Optional<OdooSettings> connection, OdooCallSettings tuning, Clock clock) {
        try {
            metrics = BridgeMetrics.in(context.getRegistry());
            client = OdooBeans.bind(context.getRegistry(), connection, tuning, metrics, clock);
            Properties properties = new Properties();
            properties.putAll(BridgeSettings.odooProperties(connection, tuning));
            context.getPropertiesComponent().setInitialProperties(properties);
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/odoo-addon.camel.yaml"),
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/odoo-http.camel.yaml"));
            context.start();
            template = context.createFluentProducerTemplate();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Odoo routes", e);
        }
    }

    /** Call settings for tests: the given ODOO_TIMEOUT, a 1 s connect timeout, 20 ms retry delays, 32 MB answers. */
    public static OdooCallSettings tuning(Duration timeout, int retries, int circuitFailures, Duration coolDown) {
        return new OdooCallSettings(Duration.ofSeconds(1), timeout, retries, Duration.ofMillis(20), circuitFailures,
                coolDown, 32L << 20);
    }

    public OdooReply cancelMo(String mo) {
        return call("direct:odoo-cancel-mo", Map.of(AddonRequests.MO, mo), null);
    }

    public OdooReply markDone(String mo, double finishedQty) {
        return call("direct:odoo-mark-done", Map.of(AddonRequests.MO, mo, AddonRequests.FINISHED_QTY, finishedQty),
                null);
    }

    public OdooReply updateWithConsumptions(Map<String, Object> payload) {
        return call("direct:odoo-post-consumption", Map.of(), payload);
    }

    public OdooReply reportFailure(String equipment, String description, String date) {
        return call("direct:odoo-report-failure", Map.of(AddonRequests.EQUIPMENT, equipment,
                AddonRequests.DESCRIPTION, description, AddonRequests.DATE, date), null);
    }

    public OdooReply moList(int limit, int offset) {
        return moLister().apply(new MoFetcher.Page(limit, offset));
    }

    public java.util.function.Function<MoFetcher.Page, OdooReply> moLister() {
        return OdooBeans.moList(context);
    }

    public OdooClient client() {
        return client;
    }

    public OdooCircuit circuit() {
        return client.circuit();
    }

    public BridgeMetrics metrics() {
        return metrics;
    }

    private OdooReply call(String uri, Map<String, Object> headers, Object body) {
        return template.to(uri).withHeaders(headers).withBody(body).request(OdooReply.class);
    }

    @Override
    public void close() {
        context.stop();
    }
}
