package io.odooplc.bridge.odoo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.odooplc.bridge.config.BridgeSettings.OdooCallSettings;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.config.SafeUrl;
import io.odooplc.bridge.ops.BridgeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one way to call Odoo's SCADA addon. It logs in once and keeps the {@code session_id} cookie, logging
 * in again only when Odoo says the session expired (HTTP 401/403 or the JSON-RPC session error), then repeats that
 * call once. Connection errors and HTTP 5xx are retried within the call with a doubling delay; business answers
 * never are. A circuit breaker turns a dead Odoo into one quick failure. Every answer is unwrapped by
 * {@link OdooEnvelope}. Messages and logs name the URL without credentials, and never the password or the cookie.
 */
public class OdooClient {

    private static final Logger LOG = LoggerFactory.getLogger(OdooClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last call as the health check reports it. */
    public record LastCall(Instant at, OdooPath path, OdooReply.Outcome outcome, String message) {
    }

    private record Response(int status, JsonNode json, Optional<String> sessionCookie) {
    }

    private final Optional<OdooSettings> connection;
    private final OdooCallSettings tuning;
    private final BridgeMetrics metrics;
    private final OdooCircuit circuit;
    private final HttpClient http;
    private volatile String sessionId;
    private volatile LastCall lastCall;

    public OdooClient(Optional<OdooSettings> connection, OdooCallSettings tuning, BridgeMetrics metrics, Clock clock) {
        this.connection = connection;
        this.tuning = tuning;
        this.metrics = metrics;
        this.circuit = new OdooCircuit(tuning.circuitFailures(), tuning.circuitCooldown(), clock);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(tuning.connectTimeout()).build();
    }

    /** {@code /api/scada/mo-list-detailed}: one page of MOs in the given states (a JSON-RPC call, LEGACY 3.3). */
    public OdooReply moList(int limit, int offset, List<String> states) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        params.put("states", states);
        return call(OdooPath.MO_LIST, Map.of("jsonrpc", "2.0", "method", "call", "params", params));
    }

    /** {@code /api/scada/equipment-failure}: one failure report, date as {@code YYYY-MM-DD HH:MM:SS}. */
    public OdooReply reportFailure(String equipmentCode, String description, String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("equipment_code", equipmentCode);
        body.put("description", description);
        body.put("date", date);
        return call(OdooPath.EQUIPMENT_FAILURE, body);
    }

    /** {@code /api/scada/mo/update-with-consumptions}: replaces the MO's done quantities with the payload's. */
    public OdooReply updateWithConsumptions(Map<String, Object> payload) {
        return call(OdooPath.MO_UPDATE, payload);
    }

    /** {@code /api/scada/mo/cancel}: safe to repeat, an MO already cancelled is a success. */
    public OdooReply cancelMo(String moName) {
        return call(OdooPath.MO_CANCEL, Map.of("mo_id", moName));
    }

    /** {@code /api/scada/mo/mark-done} with the finished quantity the PLC weighed. */
    public OdooReply markDone(String moName, double finishedQty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mo_id", moName);
        body.put("finished_qty", finishedQty);
        return call(OdooPath.MO_MARK_DONE, body);
    }

    /** Fails fast when no task that talks to Odoo is enabled and so ODOO_URL and the login were never required. */
    public void ensureConfigured() {
        if (connection.isEmpty()) {
            throw new IllegalStateException("Odoo is not configured: set ODOO_URL, ODOO_DB, ODOO_USERNAME and "
                    + "ODOO_PASSWORD (they are only required while a task that talks to Odoo is enabled)");
        }
    }

    public OdooCircuit circuit() {
        return circuit;
    }

    public Optional<LastCall> lastCall() {
        return Optional.ofNullable(lastCall);
    }

    /** ODOO_URL without user or password, for messages. */
    public String safeUrl() {
        return connection.map(c -> SafeUrl.of(c.url())).orElse("(not configured)");
    }

    private OdooReply call(OdooPath path, Map<String, Object> body) {
        ensureConfigured();
        OdooReply reply;
        if (!circuit.allow()) {
            count(path, "circuit_open");
            reply = OdooReply.circuitOpen("Odoo circuit open after " + circuit.consecutiveFailures()
                    + " failed calls in a row; next trial call after " + circuit.retryAt());
        } else {
            reply = callWithSession(path, body);
        }
        lastCall = new LastCall(Instant.now(), path, reply.outcome(), reply.message());
        return reply;
    }

    private OdooReply callWithSession(OdooPath path, Map<String, Object> body) {
        try {
            String session = session();
            Response response = send(path, body, session);
            if (isSessionExpired(response)) {
                LOG.info("[odoo] session expired on {}: logging in again", path.path());
                forget(session);
                response = send(path, body, session());
                if (isSessionExpired(response)) {
                    circuit.failed();
                    return OdooReply.failed("Odoo said the session expired again right after a new login on "
                            + path.path());
                }
            }
            circuit.succeeded();
            return read(path, response);
        } catch (OdooUnreachableException | OdooLoginRefusedException e) {
            circuit.failed();
            return OdooReply.failed(e.getMessage());
        }
    }

    private OdooReply read(OdooPath path, Response response) {
        if (response.status() != 200) {
            String hint = response.status() == 404 ? " (is the SCADA addon installed?)" : "";
            return OdooReply.failed("HTTP " + response.status() + " from " + safeUrl() + path.path() + hint);
        }
        if (response.json().isMissingNode()) {
            return OdooReply.failed("answer of " + safeUrl() + path.path() + " is not JSON");
        }
        return OdooEnvelope.reply(response.json());
    }

    private static boolean isSessionExpired(Response response) {
        return response.status() == 401 || response.status() == 403 || OdooEnvelope.isSessionExpired(response.json());
    }

    private String session() throws OdooUnreachableException, OdooLoginRefusedException {
        String current = sessionId;
        return current != null ? current : login();
    }

    private synchronized void forget(String expired) {
        if (expired.equals(sessionId)) {
            sessionId = null;
        }
    }

    /** Custom SCADA login first, Odoo's own login if the addon's is missing or refuses (LEGACY 3.2). */
    private synchronized String login() throws OdooUnreachableException, OdooLoginRefusedException {
        if (sessionId != null) {
            return sessionId;
        }
        OdooSettings c = connection.orElseThrow();
        Map<String, Object> credentials = Map.of("db", c.db(), "login", c.username(), "password", c.password());
        Response custom = send(OdooPath.SCADA_AUTHENTICATE, credentials, null);
        Optional<String> session = sessionOf(custom, OdooEnvelope.payload(custom.json()).path("status").asText()
                .equalsIgnoreCase("success"));
        String customWhy = custom.status() == 200 ? OdooEnvelope.payload(custom.json()).path("message").asText("refused")
                : "HTTP " + custom.status();
        OdooPath used = OdooPath.SCADA_AUTHENTICATE;
        if (session.isEmpty()) {
            Map<String, Object> rpc = Map.of("jsonrpc", "2.0", "method", "call", "params", credentials);
            Response web = send(OdooPath.WEB_AUTHENTICATE, rpc, null);
            session = sessionOf(web, web.json().path("result").path("uid").asInt() > 0);
            used = OdooPath.WEB_AUTHENTICATE;
            if (session.isEmpty()) {
                String webWhy = web.status() != 200 ? "HTTP " + web.status()
                        : OdooEnvelope.hasError(web.json()) ? OdooEnvelope.describeError(web.json().get("error"))
                        : "no session";
                throw new OdooLoginRefusedException("Odoo at " + safeUrl() + " refused the login of '" + c.username()
                        + "' on database '" + c.db() + "' (" + OdooPath.SCADA_AUTHENTICATE.path() + ": " + customWhy
                        + "; " + OdooPath.WEB_AUTHENTICATE.path() + ": " + webWhy + ")");
            }
        }
        LOG.info("[odoo] logged in as '{}' on database '{}' at {} via {}", c.username(), c.db(), safeUrl(),
                used.path());
        sessionId = session.get();
        return sessionId;
    }

    /** The session of a login answer: the cookie Odoo set, else the id the custom route put in its body. */
    private static Optional<String> sessionOf(Response response, boolean accepted) {
        if (response.status() != 200 || !accepted || OdooEnvelope.hasError(response.json())) {
            return Optional.empty();
        }
        return response.sessionCookie().or(() -> Optional.ofNullable(OdooEnvelope.payload(response.json())
                .path("session_id").textValue()).filter(s -> !s.isBlank()));
    }

    /** One POST, tried again after a connection error or HTTP 5xx with a doubling delay; counted and timed. */
    private Response send(OdooPath path, Object body, String session) throws OdooUnreachableException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request to " + path.path(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.orElseThrow().url() + path.path()))
                .timeout(tuning.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (session != null) {
            request.header("Cookie", "session_id=" + session);
        }
        String where = safeUrl() + path.path();
        for (int attempt = 0; ; attempt++) {
            boolean lastTry = attempt >= tuning.httpRetries();
            long started = System.nanoTime();
            String failure;
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                time(path, started);
                Response response = new Response(answer.statusCode(), parse(answer.body()), cookieOf(answer));
                count(path, outcomeTag(response));
                if (response.status() < 500) {
                    return response;
                }
                failure = "HTTP " + response.status() + " from " + where;
            } catch (HttpConnectTimeoutException e) {
                time(path, started);
                count(path, "connection_error");
                failure = "cannot connect to " + where + " within " + tuning.connectTimeout().toMillis() + " ms";
            } catch (HttpTimeoutException e) {
                // A timed-out call already cost the whole ODOO_TIMEOUT; the batch's backoff retries it, not this loop.
                time(path, started);
                count(path, "timeout");
                throw new OdooUnreachableException("no answer from " + where + " within "
                        + tuning.timeout().toMillis() + " ms");
            } catch (IOException e) {
                time(path, started);
                count(path, "connection_error");
                failure = "cannot reach " + where + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OdooUnreachableException("interrupted while calling " + where);
            }
            if (lastTry) {
                throw new OdooUnreachableException(failure + (attempt > 0 ? " (after " + (attempt + 1) + " tries)" : ""));
            }
            pause(tuning.httpRetryDelay().multipliedBy(1L << attempt), where);
        }
    }

    private static void pause(Duration delay, String where) throws OdooUnreachableException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooUnreachableException("interrupted while waiting to call " + where + " again");
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static Optional<String> cookieOf(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String first = header.split(";", 2)[0].strip();
            if (first.startsWith("session_id=") && first.length() > "session_id=".length()) {
                return Optional.of(first.substring("session_id=".length()));
            }
        }
        return Optional.empty();
    }

    /** The outcome label of one HTTP exchange for bridge_odoo_calls_total. */
    private static String outcomeTag(Response response) {
        if (response.status() == 401 || response.status() == 403 || OdooEnvelope.isSessionExpired(response.json())) {
            return "session_expired";
        }
        if (response.status() != 200 || response.json().isMissingNode()) {
            return "http_error";
        }
        if (OdooEnvelope.hasError(response.json())) {
            return "rpc_error";
        }
        JsonNode payload = OdooEnvelope.payload(response.json());
        if (!payload.has("status")) {
            return payload.path("uid").asInt() > 0 ? "success" : "unexpected";
        }
        return OdooEnvelope.reply(response.json()).outcome().name().toLowerCase();
    }

    private void count(OdooPath path, String outcome) {
        Counter.builder("bridge_odoo_calls_total").description("HTTP calls to Odoo by route and outcome")
                .tag("endpoint", path.path()).tag("outcome", outcome).register(metrics.registry()).increment();
    }

    private void time(OdooPath path, long startedNanos) {
        Timer.builder("bridge_odoo_call_seconds").description("Duration of HTTP calls to Odoo")
                .tag("endpoint", path.path()).register(metrics.registry())
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
