package io.odooplc.bridge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.BridgeApp;
import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.sim.FakeOdoo;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;

/**
 * The real bridge application started in-process, configured like an operator would (settings on top of the repo's
 * application.properties), on free ports, against a test database.
 */
public final class RunningBridge implements AutoCloseable {

    private final Main main;
    private final BridgeSettings settings;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningBridge(Main main, BridgeSettings settings) {
        this.main = main;
        this.settings = settings;
    }

    /** Defaults for tests: a fresh database, free ports, placeholder PLC and Odoo addresses, timers that wait an hour. */
    public static Map<String, String> testSettings() {
        Map<String, String> s = new HashMap<>();
        s.put("DATABASE_URL", TestDatabase.freshDatabaseUrl());
        s.put("HTTP_PORT", Integer.toString(FreePorts.next()));
        s.put("MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        s.put("ODOO_URL", "http://127.0.0.1:9");
        s.put("ODOO_DB", "test");
        s.put("ODOO_USERNAME", "bridge");
        s.put("ODOO_PASSWORD", "test-password");
        s.put("TASK_START_DELAY", "1h");
        // Loopback where nothing listens: a test never sends a datagram towards the plant's real PLC address.
        s.put("PLC_URL", "modbus-tcp://127.0.0.1:9");
        return s;
    }

    /** The Odoo settings that point the bridge at a fake Odoo. */
    public static void useOdoo(Map<String, String> settings, FakeOdoo odoo) {
        settings.put("ODOO_URL", odoo.url());
        settings.put("ODOO_DB", odoo.credentials().db());
        settings.put("ODOO_USERNAME", odoo.credentials().login());
        settings.put("ODOO_PASSWORD", odoo.credentials().password());
    }

    public static RunningBridge start(Map<String, String> settingsOnTop) throws Exception {
        Main main = BridgeApp.create(settingsOnTop);
        main.start();
        return new RunningBridge(main, main.getCamelContext().getRegistry().lookupByNameAndType("settings",
                BridgeSettings.class));
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public BridgeSettings settings() {
        return settings;
    }

    public ServiceStatus routeStatus(String routeId) {
        return context().getRouteController().getRouteStatus(routeId);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(apiUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(apiUri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> management(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + settings.managementPort() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One check of {@code /observe/health?data=true}: name, status, message and its details under "data". */
    public JsonNode healthCheck(String name) throws Exception {
        JsonNode health = JSON.readTree(management("/observe/health?data=true").body());
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no health check '" + name + "' in " + health);
    }

    private URI apiUri(String path) {
        return URI.create("http://127.0.0.1:" + settings.httpPort() + path);
    }

    /** Waits for a condition the bridge makes true by itself; fails the test after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
