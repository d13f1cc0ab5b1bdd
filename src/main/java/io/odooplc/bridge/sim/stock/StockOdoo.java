package io.odooplc.bridge.sim.stock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stock Odoo (no addon) of one major version over real HTTP, for tests and the demo: JSON-RPC {@code /jsonrpc}
 * ({@code common.version}, {@code common.authenticate} answering {@code false} on bad credentials,
 * {@code object.execute_kw}, errors as HTTP 200 with Odoo's error member), JSON-2 {@code /json/2/<model>/<method>}
 * with a bearer key on 19 (errors as HTTP statuses) and {@code GET /web/version}. The records and methods are
 * {@link StockOdooDb}'s. Fault switches: the next calls of a method fail with a serialization failure or HTTP 500.
 */
public final class StockOdoo implements AutoCloseable {

    /** A fault the next calls of one model method meet. */
    public enum Fault { SERIALIZATION, HTTP_500 }

    public static final String DB = "mill";
    public static final String LOGIN = "bridge";
    /** The bot user's password, also its API key. */
    public static final String SECRET = "bridge-api-key-0123";
    private static final int UID = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StockOdooDb db;
    private final StockOdooSeed seed;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> faults = new HashMap<>();
    private final Map<String, Integer> faultCounts = new HashMap<>();
    private HttpServer server;
    private ExecutorService workers;

    private StockOdoo(int major, boolean maintenance) {
        this.db = new StockOdooDb(major, maintenance);
        this.seed = new StockOdooSeed(db);
    }

    /** A feed mill's database of this major version (14..19; 13 to test a refused one) with {@code mos} MOs. */
    public static StockOdoo feedMill(int major, int mos) {
        StockOdoo odoo = new StockOdoo(major, true);
        odoo.seed.feedMill(mos);
        return odoo;
    }

    /** The same without the Maintenance app. */
    public static StockOdoo feedMillWithoutMaintenance(int major, int mos) {
        StockOdoo odoo = new StockOdoo(major, false);
        odoo.seed.feedMill(mos);
        return odoo;
    }

    public StockOdooSeed seed() {
        return seed;
    }

    public int major() {
        return db.major;
    }

    public synchronized StockOdoo start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stock-odoo-" + db.major);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public synchronized String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Model methods called, as {@code model.method}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** {@code modelMethod}: a model method, or {@code common.version} / {@code common.authenticate} for HTTP_500. */
    public synchronized void failNext(String modelMethod, int times, Fault fault) {
        faults.put(modelMethod, fault);
        faultCounts.put(modelMethod, times);
    }

    /** Installs the Maintenance app in a database made without it, with the feed mill's maintenance equipment. */
    public void installMaintenance() {
        db.installMaintenance();
        seed.maintenanceEquipment();
    }

    /** Writes on an MO that was already done or cancelled: the bridge must make none. */
    public int writesOnClosedMos() {
        return db.writesOnClosedMos();
    }

    public String state(String mo) {
        return seed.mo(mo).path("state").asText();
    }

    public BigDecimal qtyProducing(String mo) {
        return seed.mo(mo).path("qty_producing").decimalValue();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/web/version")) {
                send(exchange, 200, JSON.objectNode().put("version", db.major + ".0")
                        .set("version_info", versionInfo()));
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = MAPPER.readTree(in.readAllBytes());
            } catch (IOException notJson) {
                send(exchange, 400, JSON.objectNode().put("name", "werkzeug.exceptions.BadRequest")
                        .put("message", "not JSON"));
                return;
            }
            if (path.equals("/jsonrpc")) {
                jsonRpc(exchange, request);
            } else if (path.startsWith("/json/2/") && db.major >= 19) {
                json2(exchange, path.substring("/json/2/".length()).split("/", 2), request);
            } else {
                send(exchange, 404, JSON.objectNode().put("name", "werkzeug.exceptions.NotFound")
                        .put("message", "404: Not Found"));
            }
        }
    }

    private void jsonRpc(HttpExchange exchange, JsonNode request) throws IOException {
        JsonNode params = request.path("params");
        JsonNode args = params.path("args");
        String call = params.path("service").asText() + "." + params.path("method").asText();
        ObjectNode envelope = JSON.objectNode().put("jsonrpc", "2.0").set("id", request.path("id"));
        if (!call.equals("object.execute_kw") && takeFault(call) == Fault.HTTP_500) {
            sendText(exchange, 500, "<html><body>Internal Server Error</body></html>");
            return;
        }
        switch (call) {
            case "common.version" -> envelope.set("result", JSON.objectNode().put("server_version", db.major + ".0")
                    .put("server_serie", db.major + ".0").put("protocol_version", 1)
                    .set("server_version_info", versionInfo()));
            case "common.authenticate", "common.login" -> envelope.set("result", credentialsMatch(args.path(0).asText(),
                    args.path(1).asText(), args.path(2).asText()) ? IntNode.valueOf(UID) : BooleanNode.FALSE);
            case "object.execute_kw" -> {
                if (!args.path(0).asText().equals(DB) || args.path(1).asInt() != UID
                        || !args.path(2).asText().equals(SECRET)) {
                    envelope.set("error", error("odoo.exceptions.AccessDenied", "Access Denied"));
                    break;
                }
                String model = args.path(3).asText();
                String method = args.path(4).asText();
                try {
                    envelope.set("result", modelCall(model, method, ids(args.path(5).path(0)), args.path(6)));
                } catch (OdooError e) {
                    envelope.set("error", error(e.name, e.getMessage()));
                } catch (ServerFault e) {
                    sendText(exchange, 500, "<html><body>Internal Server Error</body></html>");
                    return;
                }
            }
            default -> envelope.set("error", error("odoo.exceptions.UserError", "unknown call " + call));
        }
        send(exchange, 200, envelope);
    }

    private void json2(HttpExchange exchange, String[] modelMethod, JsonNode body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || !auth.substring("bearer ".length()).equals(SECRET)) {
            send(exchange, 401, errorBody("werkzeug.exceptions.Unauthorized", "Invalid apikey"));
            return;
        }
        String model = modelMethod[0];
        String method = modelMethod.length > 1 ? modelMethod[1] : "";
        if (model.equals("res.users") && method.equals("context_get")) {
            send(exchange, 200, JSON.objectNode().put("lang", "en_US").put("uid", UID));
            return;
        }
        ObjectNode kwargs = body.deepCopy();
        kwargs.remove("ids");
        try {
            send(exchange, 200, modelCall(model, method, ids(body.path("ids")), kwargs));
        } catch (OdooError e) {
            send(exchange, e.status, errorBody(e.name, e.getMessage()));
        } catch (ServerFault e) {
            sendText(exchange, 500, "<html><body>Internal Server Error</body></html>");
        }
    }

    private JsonNode modelCall(String model, String method, List<Integer> ids, JsonNode kwargs) {
        String key = model + "." + method;
        calls.add(key);
        Fault fault = takeFault(key);
        if (fault == Fault.SERIALIZATION) {
            throw OdooError.serialization();
        }
        if (fault == Fault.HTTP_500) {
            throw new ServerFault();
        }
        return db.call(model, method, ids, kwargs);
    }

    private synchronized Fault takeFault(String key) {
        Integer left = faultCounts.get(key);
        if (left == null || left <= 0) {
            return null;
        }
        faultCounts.put(key, left - 1);
        return faults.get(key);
    }

    private static boolean credentialsMatch(String database, String login, String secret) {
        return DB.equals(database) && LOGIN.equals(login) && SECRET.equals(secret);
    }

    private JsonNode versionInfo() {
        return JSON.arrayNode().add(db.major).add(0).add(0).add("final").add(0).add("");
    }

    private static List<Integer> ids(JsonNode ids) {
        if (!ids.isArray()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        ids.forEach(i -> out.add(i.asInt()));
        return out;
    }

    private static ObjectNode error(String name, String message) {
        ObjectNode error = JSON.objectNode().put("code", 200).put("message", "Odoo Server Error");
        error.set("data", errorBody(name, message));
        return error;
    }

    private static ObjectNode errorBody(String name, String message) {
        ObjectNode data = JSON.objectNode().put("name", name).put("message", message);
        data.set("arguments", JSON.arrayNode().add(message));
        data.set("context", JSON.objectNode());
        data.put("debug", "Traceback (most recent call last):\n  ...\n" + name + ": " + message);
        return data;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The switch HTTP_500: Odoo's werkzeug answers an HTML page. */
    private static final class ServerFault extends RuntimeException {
    }
}
