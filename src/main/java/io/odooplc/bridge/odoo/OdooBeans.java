package io.odooplc.bridge.odoo;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import io.odooplc.bridge.config.BridgeSettings.OdooCallSettings;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.config.SafeUrl;
import io.odooplc.bridge.ops.BridgeMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;

import java.util.Optional;

/** The beans the Odoo route file refers to, by the names it uses. */
public final class OdooBeans {

    private OdooBeans() {
    }

    /** Binds odooCircuitBreaker, odooSession, odooHttp and odooClient; returns the last (task 3 and 5 use it). */
    public static OdooClient bind(Registry registry, Optional<OdooSettings> connection, OdooCallSettings tuning,
            BridgeMetrics metrics, Clock clock) {
        String safeUrl = connection.map(c -> SafeUrl.of(c.url())).orElse("(not configured)");
        OdooCircuit circuit = new OdooCircuit(tuning.circuitFailures(), tuning.circuitCooldown(), clock);
        OdooSession session = new OdooSession(connection, safeUrl);
        OdooHttp http = new OdooHttp(tuning, session, metrics, safeUrl);
        OdooClient client = new OdooClient(connection, circuit, http);
        registry.bind(OdooCircuit.BEAN, circuit.breaker());
        registry.bind("odooSession", session);
        registry.bind("odooHttp", http);
        registry.bind("odooClient", client);
        // camel-http only applies soTimeout (the socket's read timeout, 3 minutes by default) at the component: the
        // endpoint options do not reach pooled connections. Only the Odoo routes use the http component.
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent component = new HttpComponent();
            component.setConnectTimeout(tuning.connectTimeout().toMillis());
            component.setSoTimeout(tuning.timeout().toMillis());
            component.setResponseTimeout(tuning.timeout().toMillis());
            registry.bind(scheme, component);
        }
        return client;
    }

    /** Task 1's way to list one page of MOs: the route {@code direct:odoo-mo-list}. */
    public static Function<MoFetcher.Page, OdooReply> moList(CamelContext context) {
        var template = context.createFluentProducerTemplate();
        return page -> template.to("direct:odoo-mo-list")
                .withHeaders(Map.of(AddonRequests.LIMIT, page.limit(), AddonRequests.OFFSET, page.offset()))
                .request(OdooReply.class);
    }
}
