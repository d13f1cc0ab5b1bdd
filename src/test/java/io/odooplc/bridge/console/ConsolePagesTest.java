package io.odooplc.bridge.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files and its health summary over HTTP on the task API port (the browser tests use them too). */
class ConsolePagesTest {

    private static final String TOKEN = "console-admin-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        bridge = RunningBridge.start(s);
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    @Test
    void rootAndUiServeThePageWithASecurityPolicy() throws Exception {
        for (String path : List.of("/", "/ui/", "/ui/index.html")) {
            HttpResponse<String> page = bridge.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<title>odoo-plc-bridge console</title>", "/ui/console.js");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(ConsolePages.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        HttpResponse<String> script = bridge.get("/ui/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("textContent").doesNotContain("innerHTML", "localStorage");
        assertThat(bridge.get("/ui/console.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    /** What camel.server.staticEnabled would do: serve the working directory, application.properties included. */
    @Test
    void servesNothingOfTheWorkingDirectory() throws Exception {
        for (String path : List.of("/application.properties", "/ui/application.properties",
                "/ui/../application.properties", "/ui/%2e%2e/application.properties", "/ui/..%2fapplication.properties",
                "/routes/api-tasks.camel.yaml", "/ui/routes/api-tasks.camel.yaml", "/pom.xml")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bridge.settings().httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).as(path).doesNotContain("camel.server.port", "ENABLE_AUTO_SYNC", "<project");
        }
    }

    @Test
    void healthSummaryHasTheFourChecksAndNoSecret() throws Exception {
        HttpResponse<String> r = bridge.get("/api/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(r.body());
        List<String> names = new ArrayList<>();
        health.get("checks").forEach(check -> names.add(check.get("name").asText()));
        assertThat(names).containsExactly("database", "plc", "odoo", "batches");
        JsonNode database = health.get("checks").get(0);
        List<String> fields = new ArrayList<>();
        database.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the names console.js reads").containsExactly("name", "state", "message", "details");
        assertThat(database.get("state").asText()).isEqualTo("UP");
        assertThat(database.get("details").size()).isZero();
        JsonNode odoo = health.get("checks").get(2);
        assertThat(odoo.get("details").get("circuit").asText()).isEqualTo("CLOSED");
        assertThat(odoo.get("details").get("url").asText()).isEqualTo("http://127.0.0.1:9");
        assertThat(health.get("checks").get(1).get("details").get("plc").asText()).isEqualTo("modbus-tcp://127.0.0.1:9");
        assertThat(r.body()).doesNotContain("test-password", TOKEN, "postgres:postgres", "jdbc:", "invocation",
                "failure.count");
    }

    @Test
    void healthSummaryNeedsNoToken() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + bridge.settings().httpPort() + "/api/health")).header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /**
     * What a form on another site can send: fields, but no Authorization header, and the console keeps its token in
     * the tab's sessionStorage, which no request carries by itself; so the control API refuses it.
     */
    @Test
    void aFormPostFromAnotherOriginCannotStopATask() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + bridge.settings().httpPort() + "/api/tasks/task2-plc-read/stop"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("routeId=task2-plc-read&action=stop")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Started);
    }
}
