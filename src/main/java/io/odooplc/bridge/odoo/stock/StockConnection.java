package io.odooplc.bridge.odoo.stock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.odoo.OdooAnswer;
import io.odooplc.bridge.odoo.OdooBadAnswerException;
import io.odooplc.bridge.odoo.OdooClient;
import io.odooplc.bridge.odoo.OdooLoginRefusedException;
import io.odooplc.bridge.odoo.OdooReply;
import io.odooplc.bridge.odoo.OdooRequest;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock Odoo's side of a call (bean {@code odooStock} of {@code routes/odoo-stock.camel.yaml}): the version found by
 * {@code common.version} and, for JSON-RPC, the uid of {@code common.authenticate}; the request of a model method in
 * the version's transport; and the reading of each answer. JSON-RPC is stateless (the password goes with every
 * call, no cookie), JSON-2 sends the key as a bearer token; neither is ever logged or put in a message.
 */
public class StockConnection {

    /** Exchange property: the operation's name (mo-list, post-consumption, ...). */
    public static final String OPERATION = "odooOperation";
    /** Exchange property: the operation's body (post-consumption's payload), set aside during the call. */
    public static final String INPUT = "odooInput";
    private static final Logger LOG = LoggerFactory.getLogger(StockConnection.class);

    private final Optional<OdooSettings> connection;
    private final String safeUrl;
    private final AtomicInteger ids = new AtomicInteger();
    private volatile StockVersion version;
    private volatile Integer uid;

    public StockConnection(Optional<OdooSettings> connection, String safeUrl) {
        this.connection = connection;
        this.safeUrl = safeUrl;
    }

    /** First step of an operation: its input set aside, and what the health check names it by. */
    public OdooRequest begin(Exchange exchange) {
        exchange.setProperty(INPUT, exchange.getMessage().getBody());
        return new OdooRequest(StockTarget.operation(exchange.getProperty(OPERATION, String.class)), null);
    }

    /** Odoo answered with an error (doCatch of route odoo-stock-operation): the operation's reply. */
    public OdooReply refused(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        // Thrown in a split step (a post's writes), it comes wrapped in Camel's exception.
        while (!(caught instanceof OdooRefusedException)) {
            caught = caught.getCause();
        }
        OdooRefusedException e = (OdooRefusedException) caught;
        return new OdooReply(e.business() ? OdooReply.Outcome.REJECTED : OdooReply.Outcome.FAILED, e.getMessage(),
                MissingNode.getInstance());
    }

    /** True until the version is known and, on JSON-RPC, the login gave a uid. */
    public boolean loggedOut() {
        StockVersion v = version;
        return v == null || (!v.json2() && uid == null);
    }

    public StockVersion version() {
        return version;
    }

    public OdooRequest versionRequest() {
        return new OdooRequest(StockTarget.jsonRpc("common.version"), envelope("common", "version", List.of()));
    }

    /** Whether a task talks to Odoo, so its settings were required (the start-up version check runs then only). */
    public boolean configured() {
        return connection.isPresent();
    }

    /** Keeps the version; says it (transport and fields) when it is the first or another major than before. */
    public synchronized void acceptVersion(JsonNode result) throws OdooBadAnswerException {
        StockVersion found = StockVersion.parse(result.path("server_version").asText(null));
        if (!found.supported()) {
            throw new OdooBadAnswerException("Odoo at " + safeUrl + " is version '" + found.serverVersion()
                    + "': ODOO_API=stock speaks Odoo " + StockVersion.OLDEST + " and later");
        }
        if (version == null || version.major() != found.major()) {
            LOG.info("stock Odoo {} (major {}) at {}: {}, fields of Odoo {}: a raw move's done quantity {}, "
                    + "button_mark_done with {}", found.serverVersion(), found.major(), safeUrl, found.transport(),
                    found.major(), found.picking() ? "quantity with picked" : found.doneField(),
                    String.join(", ", new TreeSet<>(found.markDoneContext().keySet())));
        }
        version = found;
    }

    /**
     * The start-up version check failed (doCatch of route odoo-stock-version-at-start). Odoo not reachable yet is no
     * reason to stop: the first operation asks again. An answer that is no usable Odoo (a version before 14, an HTTP
     * error status: a wrong ODOO_URL) is an error, as every operation will fail with it.
     */
    public void versionUnknown(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof OdooBadAnswerException bad) {
                LOG.error("stock Odoo not usable: {}", bad.getMessage());
                return;
            }
        }
        LOG.warn("stock Odoo at {} did not tell its version at start-up ({}); the first Odoo call asks "
                + "again", safeUrl, caught.getMessage());
    }

    /** JSON-RPC: common.authenticate. JSON-2 has no login: a cheap call (the user's context) checks the key. */
    public OdooRequest loginRequest() {
        OdooSettings c = settings();
        if (version.json2()) {
            return call("res.users", "context_get", null, Map.of());
        }
        return new OdooRequest(StockTarget.jsonRpc("common.authenticate"),
                envelope("common", "authenticate", List.of(c.db(), c.username(), c.password(), Map.of())));
    }

    /** Keeps the uid; Odoo answers {@code false} for a bad login, password, key or database. */
    public void acceptLogin(JsonNode result) throws OdooLoginRefusedException {
        if (version.json2()) {
            return;
        }
        if (!result.isInt() || result.asInt() <= 0) {
            throw loginRefused("common.authenticate answered " + result);
        }
        if (uid == null) {
            LOG.info("logged in as '{}' on database '{}' at {} (uid {})", settings().username(),
                    settings().db(), safeUrl, result.asInt());
        }
        uid = result.asInt();
    }

    /**
     * A model method with named arguments: JSON-2 takes them as the body (ids among them), JSON-RPC's execute_kw as
     * kwargs after the ids, the only positional argument. {@code ids} null for a model-level method.
     */
    public OdooRequest call(String model, String method, List<Integer> recordIds, Map<String, Object> named) {
        OdooSettings c = settings();
        if (version.json2()) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (recordIds != null) {
                body.put("ids", recordIds);
            }
            body.putAll(named);
            return new OdooRequest(StockTarget.json2(model, method), body, Map.of("Authorization", "bearer "
                    + c.password(), "X-Odoo-Database", c.db()));
        }
        // uid may have been dropped by a refused call meanwhile: Odoo then refuses this one too.
        List<Object> args = new ArrayList<>(Arrays.asList(c.db(), uid, c.password(), model, method));
        args.add(recordIds == null ? List.of() : List.of(recordIds));
        args.add(named);
        return new OdooRequest(StockTarget.jsonRpc(model + "." + method), envelope("object", "execute_kw", args));
    }

    /**
     * The result of one answer (route odoo-stock-rpc). An error Odoo answered is an {@link OdooRefusedException};
     * a refused secret ends the login (the next call logs in again) and fails the call for the circuit.
     */
    public JsonNode result(OdooAnswer answer) throws OdooRefusedException, OdooLoginRefusedException,
            OdooBadAnswerException {
        int status = answer.status();
        JsonNode json = answer.json();
        JsonNode error = StockErrors.error(status, json);
        String name = error.path("name").asText();
        if (status == 401 || name.equals("odoo.exceptions.AccessDenied")) {
            uid = null;
            throw loginRefused(answer.path().label() + " answered " + StockErrors.describe(status, json));
        }
        if (error.isMissingNode()) {
            return answer.path() instanceof StockTarget t && t.path().startsWith("/json/2/") ? json
                    : json.path("result");
        }
        if (!json.isObject() || (status != 200 && !error.has("name"))) {
            throw new OdooBadAnswerException("HTTP " + status + " from " + safeUrl + answer.path().path());
        }
        throw new OdooRefusedException("Odoo refused " + answer.path().label().replace("/jsonrpc ", "") + ": "
                + StockErrors.describe(status, json)
                + StockErrors.missingModel(status, json).map(StockConnection::appHint).orElse(""),
                StockErrors.isBusiness(status, json));
    }

    /** Why a model is missing: only failure reports use an app the bridge does not require (plant-contract §7.6). */
    private static String appHint(String model) {
        return model.startsWith("maintenance.")
                ? " (the Maintenance app is not installed in Odoo: install it, or set ODOO_FAILURE_REPORTS=false; "
                        + "the failure stays stored and is offered again)"
                : " (the Odoo app of " + model + " is not installed)";
    }

    private OdooLoginRefusedException loginRefused(String why) {
        OdooSettings c = settings();
        return new OdooLoginRefusedException("Odoo at " + safeUrl + " refused the login of ODOO_USERNAME='"
                + c.username() + "' on ODOO_DB='" + c.db() + "' (" + why + "): check ODOO_USERNAME, ODOO_DB and "
                + "ODOO_PASSWORD (a password or an API key; Odoo " + StockVersion.FIRST_JSON2 + " needs an API key)");
    }

    private Map<String, Object> envelope(String service, String method, List<Object> args) {
        return Map.of("jsonrpc", "2.0", "method", "call", "id", ids.incrementAndGet(), "params",
                Map.of("service", service, "method", method, "args", args));
    }

    private OdooSettings settings() {
        return connection.orElseThrow(() -> new IllegalStateException("Odoo is not configured"));
    }

    /** For beans that read the task's headers: the operation's inputs were set aside by odooClient.begin. */
    public static Object input(Exchange exchange, String header) {
        Map<?, ?> headers = exchange.getProperty(OdooClient.TASK_HEADERS, Map.class);
        return headers == null ? null : headers.get(header);
    }
}
