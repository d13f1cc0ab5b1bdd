package io.odooplc.bridge.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Odoo 14 with the SCADA addon, over real HTTP: the routes, JSON-RPC envelopes, session cookie and error
 * shapes of docs/plant-contract.md §3, backed by a {@link FakeOdooStock}. It records every call, lets tests read what
 * Odoo finally holds, and has fault switches ({@link #faults()}, {@link #stop()}/{@link #restart()},
 * {@link #expireSessions()}) for the failures the field met.
 */
public final class FakeOdoo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeOdoo.class);
    /** Odoo 14 keeps sessions for 90 days and says so in the cookie. */
    private static final Duration SESSION_LIFETIME = Duration.ofDays(90);
    private static final String JSON = "application/json";
    private static final String HTML = "text/html; charset=utf-8";

    private final FakeOdooStock stock;
    private final OdooCredentials credentials;
    private final OdooFaults faults = new OdooFaults();
    private final OdooSessions sessions = new OdooSessions();
    private final ScadaAddon addon;
    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private HttpServer server;
    private ExecutorService workers;
    private InetSocketAddress boundTo;

    public FakeOdoo(FakeOdooStock stock, OdooCredentials credentials) {
        this(stock, credentials, Clock.systemDefaultZone());
    }

    FakeOdoo(FakeOdooStock stock, OdooCredentials credentials, Clock clock) {
        this.stock = stock;
        this.credentials = credentials;
        this.clock = clock;
        this.addon = new ScadaAddon(stock, faults);
    }

    /** The ten field-sample MOs, default credentials (db odoo14, admin/admin, uid 2). */
    public static FakeOdoo withSampleStock() {
        return new FakeOdoo(FakeOdooStock.sample(), OdooCredentials.defaults());
    }

    /** count MOs (field samples first, then generated from seed), default credentials. */
    public static FakeOdoo withGeneratedStock(int count, long seed) {
        return new FakeOdoo(FakeOdooStock.generated(count, seed), OdooCredentials.defaults());
    }

    /** Listens on a free loopback port. */
    public FakeOdoo start() {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public FakeOdoo start(int port) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public synchronized FakeOdoo start(InetSocketAddress address) {
        if (server != null) {
            throw new IllegalStateException("Fake Odoo already listening on " + url());
        }
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address, e);
        }
        workers = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        boundTo = new InetSocketAddress(address.getAddress(), server.getAddress().getPort());
        LOG.info("Fake Odoo listening on {} with {} MOs", url(), stock.size());
        return this;
    }

    /** Closes the port: clients now get "connection refused". Calls in flight are cut off. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
            LOG.info("Fake Odoo on port {} stopped", boundTo.getPort());
        }
    }

    /** Listens again on the port of the last start, keeping stock, sessions and recorded calls. */
    public synchronized FakeOdoo restart() {
        if (boundTo == null) {
            throw new IllegalStateException("Fake Odoo was never started");
        }
        stop();
        return start(boundTo);
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        if (boundTo == null) {
            throw new IllegalStateException("Fake Odoo was never started");
        }
        return boundTo.getPort();
    }

    /** Base URL without a trailing slash, e.g. http://127.0.0.1:8069, as ODOO_URL expects it. */
    public synchronized String url() {
        int port = port();
        return "http://" + boundTo.getAddress().getHostAddress() + ":" + port;
    }

    public URI uri(OdooEndpoint endpoint) {
        return URI.create(url() + endpoint.path());
    }

    public FakeOdooStock stock() {
        return stock;
    }

    public OdooCredentials credentials() {
        return credentials;
    }

    public OdooFaults faults() {
        return faults;
    }

    /** Every session issued so far becomes unknown: protected calls answer "Odoo Session Expired" until re-login. */
    public void expireSessions() {
        sessions.expireAll();
    }

    public int liveSessions() {
        return sessions.count();
    }

    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    public List<RecordedCall> calls(OdooEndpoint endpoint) {
        return calls.stream().filter(c -> c.isFor(endpoint)).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    public Optional<MoSnapshot> mo(String moId) {
        return stock.mo(moId);
    }

    public List<FailureReport> failureReports() {
        return stock.failureReports();
    }

    private record Answer(int status, JsonNode json, String html, CallOutcome outcome, String sessionId) {

        static Answer ofJson(JsonNode json, CallOutcome outcome) {
            return new Answer(200, json, null, outcome, null);
        }

        static Answer httpError(int status, String reason) {
            return new Answer(status, NullNode.instance, "<h1>" + status + " " + reason + "</h1>",
                    CallOutcome.HTTP_ERROR, null);
        }

        Answer withSession(String id) {
            return new Answer(status, json, html, outcome, id);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode request = parse(exchange.getRequestBody().readAllBytes());
            Answer answer = answer(exchange, path, request);
            // Recorded before answering, so a test that has its response can already see the call.
            calls.add(new RecordedCall(clock.instant(), path, withoutPassword(request), answer.status(),
                    answer.outcome(), answer.json()));
            LOG.info("{} {} -> HTTP {} {}", exchange.getRequestMethod(), path, answer.status(), answer.outcome());
            send(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange, String path, JsonNode request) {
        Optional<OdooEndpoint> route = OdooEndpoint.forPath(path);
        if (route.isEmpty()) {
            return Answer.httpError(404, "Not Found");
        }
        OdooEndpoint endpoint = route.get();
        if (!pause(faults.delayFor(endpoint))) {
            return Answer.httpError(503, "Service Unavailable");
        }
        OptionalInt forced = faults.takeForcedStatus(endpoint);
        if (forced.isPresent()) {
            return Answer.httpError(forced.getAsInt(), "Forced by fake Odoo fault switch");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return Answer.httpError(405, "Method Not Allowed");
        }
        // Odoo only routes a request to a type='json' controller when it is sent as JSON.
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith(JSON)) {
            return Answer.httpError(400, "Bad Request: type='json' route called without Content-Type application/json");
        }
        if (request.isMissingNode() || !request.isObject()) {
            return Answer.httpError(400, "Bad Request: Invalid JSON data");
        }
        if (endpoint.needsSession() && !sessions.acceptsCookies(exchange.getRequestHeaders().get("Cookie"))) {
            return Answer.ofJson(JsonRpc.sessionExpired(request), CallOutcome.SESSION_EXPIRED);
        }
        return dispatch(endpoint, request);
    }

    private Answer dispatch(OdooEndpoint endpoint, JsonNode request) {
        JsonNode params = JsonRpc.params(request);
        return switch (endpoint) {
            case WEB_AUTHENTICATE -> webAuthenticate(request, params);
            case SCADA_AUTHENTICATE -> scadaAuthenticate(request, params);
            case MO_LIST -> addonAnswer(request, addon.moList(params));
            case MO_UPDATE -> addonAnswer(request, addon.updateWithConsumptions(params));
            case MO_CANCEL -> addonAnswer(request, addon.cancel(params));
            case MO_MARK_DONE -> addonAnswer(request, addon.markDone(params));
            case EQUIPMENT_FAILURE -> addonAnswer(request, addon.equipmentFailure(params));
        };
    }

    private Answer webAuthenticate(JsonNode request, JsonNode params) {
        if (!acceptsLogin(params)) {
            return Answer.ofJson(JsonRpc.accessDenied(request), CallOutcome.RPC_ERROR);
        }
        String sessionId = sessions.open();
        ObjectNode info = JsonRpc.object();
        info.put("uid", credentials.uid());
        info.put("is_system", true);
        info.put("is_admin", true);
        ObjectNode context = info.putObject("user_context");
        context.put("lang", "en_US");
        context.put("tz", "Asia/Jakarta");
        context.put("uid", credentials.uid());
        info.put("db", credentials.db());
        info.put("server_version", "14.0");
        info.put("name", "Administrator");
        info.put("username", credentials.login());
        info.put("login", credentials.login());
        info.put("partner_display_name", "YourCompany, Administrator");
        info.put("company_id", 1);
        info.put("partner_id", 3);
        return Answer.ofJson(JsonRpc.result(request, info), CallOutcome.SUCCESS).withSession(sessionId);
    }

    private Answer scadaAuthenticate(JsonNode request, JsonNode params) {
        if (!acceptsLogin(params)) {
            return addonAnswer(request, ScadaAddon.error("Invalid credentials"));
        }
        String sessionId = sessions.open();
        ObjectNode body = JsonRpc.object();
        body.put("status", "success");
        body.put("uid", credentials.uid());
        body.put("session_id", sessionId);
        body.put("db", credentials.db());
        body.put("login", credentials.login());
        return addonAnswer(request, body).withSession(sessionId);
    }

    private boolean acceptsLogin(JsonNode params) {
        boolean ok = credentials.matches(params.path("db").asText(), params.path("login").asText(),
                params.path("password").asText());
        if (!ok) {
            LOG.warn("Fake Odoo refused login \"{}\" on db \"{}\"", params.path("login").asText(),
                    params.path("db").asText());
        }
        return ok;
    }

    private Answer addonAnswer(JsonNode request, ObjectNode body) {
        JsonNode framed = faults.bareResponses() ? body : JsonRpc.result(request, body);
        return Answer.ofJson(framed, outcomeOf(body));
    }

    private static CallOutcome outcomeOf(JsonNode body) {
        if (!"success".equals(body.path("status").asText())) {
            return CallOutcome.REJECTED;
        }
        return body.path("errors").isEmpty() ? CallOutcome.SUCCESS : CallOutcome.PARTIAL;
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes;
        if (answer.html() != null) {
            exchange.getResponseHeaders().set("Content-Type", HTML);
            bytes = answer.html().getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().set("Content-Type", JSON);
            bytes = JsonRpc.MAPPER.writeValueAsBytes(answer.json());
        }
        if (answer.sessionId() != null) {
            exchange.getResponseHeaders().add("Set-Cookie", sessionCookie(answer.sessionId()));
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String sessionCookie(String sessionId) {
        ZonedDateTime expires = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(SESSION_LIFETIME);
        return "session_id=" + sessionId + "; Expires=" + DateTimeFormatter.RFC_1123_DATE_TIME.format(expires)
                + "; Max-Age=" + SESSION_LIFETIME.toSeconds() + "; HttpOnly; Path=/";
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode parsed = JsonRpc.MAPPER.readTree(body);
            return parsed == null ? MissingNode.getInstance() : parsed;
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recorded bodies must not keep the password, wherever the caller put it. */
    private static JsonNode withoutPassword(JsonNode request) {
        if (!request.isObject()) {
            return request;
        }
        ObjectNode copy = request.deepCopy();
        copy.findParents("password").forEach(parent -> ((ObjectNode) parent).put("password", "***"));
        return copy;
    }

    /** Sleeps for a slow-answer fault; false when the server is being stopped meanwhile. */
    private static boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-odoo-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
