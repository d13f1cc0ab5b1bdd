package io.odooplc.bridge.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.FreePorts;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestBatches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an attacker or a confused client sends to the API over HTTP, and what the bridge answers. */
class ApiHardeningTest {

    private static final String TOKEN = "hardening-token-12345";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningBridge bridge;
    private static TestBatches batches;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        // A closed loopback port: task 2's runs fail at once.
        s.put("PLC_URL", "modbus-tcp://127.0.0.1:" + FreePorts.next());
        s.put("PLC_TIMEOUT_SEC", "1");
        bridge = RunningBridge.start(s);
        batches = new TestBatches(s.get("DATABASE_URL"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.settings().httpPort() + path));
    }

    @Test
    void neitherQueryParametersNorRequestHeadersReachTheResponseHeaders() throws Exception {
        HttpResponse<String> r = send(request("/api/batches?limit=1&Set-Cookie=session%3Devil"
                + "&Access-Control-Allow-Origin=*&Location=http://evil.example/")
                .header("X-Echo-Probe", "echoed").header("Access-Control-Allow-Credentials", "true").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().map().keySet()).allSatisfy(name -> assertThat(name.toLowerCase())
                .isNotIn("set-cookie", "access-control-allow-origin", "location", "x-echo-probe",
                        "access-control-allow-credentials", "limit"));
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));

        HttpResponse<String> post = send(request("/api/tasks/task6-log-cleanup/stop?Set-Cookie=a%3Db")
                .header("Authorization", "Bearer " + TOKEN).header("X-Echo-Probe", "echoed")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().map().keySet()).noneSatisfy(name -> assertThat(name.toLowerCase())
                .isIn("set-cookie", "x-echo-probe", "authorization"));
        assertThat(bridge.post("/api/tasks/task6-log-cleanup/start", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenCountsOnlyInTheAuthorizationRequestHeader() throws Exception {
        HttpResponse<String> inQuery = send(request("/api/tasks/task6-log-cleanup/stop?Authorization=Bearer%20"
                + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(inQuery.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(inQuery.body()).path("error").asText())
                .contains("belongs in the 'Authorization: Bearer <ADMIN_TOKEN>' request header");

        HttpResponse<String> inForm = send(request("/api/batches/1/cancel")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Authorization=Bearer+" + TOKEN)));
        assertThat(inForm.statusCode()).isEqualTo(401);
        assertThat(inForm.body()).contains("request header");

        HttpResponse<String> headerAndQuery = send(request("/api/tasks/task6-log-cleanup/stop?authorization=x")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(headerAndQuery.statusCode()).isEqualTo(401);
        assertThat(bridge.routeStatus("task6-log-cleanup").isStarted()).isTrue();

        assertThat(bridge.post("/api/tasks/task4-health-monitor/run", TOKEN).statusCode()).isEqualTo(200);
        assertThat(bridge.post("/api/tasks/task4-health-monitor/run", TOKEN + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void aRunNowThatFailedAnswersAnErrorStatusWithTheRunRecord() throws Exception {
        HttpResponse<String> r = bridge.post("/api/tasks/task2-plc-read/run", TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("run").asText()).isEqualTo("FAILED");
        assertThat(body.path("lastRun").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(body.path("lastRun").path("error").asText()).contains("READ cycle");
    }

    @Test
    void thePlcHealthMessageReadsAsPlainText() throws Exception {
        assertThat(bridge.post("/api/tasks/task2-plc-read/run", TOKEN).statusCode()).isEqualTo(502);
        JsonNode plc = bridge.healthCheck("plc");
        assertThat(plc.path("status").asText()).isEqualTo("DOWN");
        assertThat(plc.path("message").asText()).doesNotContain("\\").contains("READ cycle", "failed");
        assertThat(plc.path("data").path("last_error").asText()).contains("from " + bridge.settings().plcUrl()
                + " failed");
    }

    @Test
    void batchIdsAreAsciiDigitsOnly() throws Exception {
        long id = batches.insert("WH/MO/07001", "RUNNING", false, null, Map.of("silo101", 10.0));
        assertThat(bridge.get("/api/batches/" + id).statusCode()).isEqualTo(200);
        StringBuilder arabicIndic = new StringBuilder();
        for (char c : Long.toString(id).toCharArray()) {
            arabicIndic.appendCodePoint(0x0660 + (c - '0'));
        }
        String encoded = java.net.URLEncoder.encode(arabicIndic.toString(), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = bridge.get("/api/batches/" + encoded);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("WH/MO/07001");
    }

    @Test
    void aQueryParameterCannotOverrideAPathParameter() throws Exception {
        HttpResponse<String> action = bridge.post("/api/tasks/task6-log-cleanup/stop?action=run", TOKEN);
        assertThat(action.statusCode()).as(action.body()).isEqualTo(400);
        assertThat(JSON.readTree(action.body()).path("error").asText()).contains("'action' is a path parameter");
        assertThat(bridge.routeStatus("task6-log-cleanup").isStarted()).isTrue();

        long id = batches.insert("WH/MO/07002", "RUNNING", false, null, Map.of("silo101", 10.0));
        HttpResponse<String> detail = bridge.get("/api/batches/" + id + "?id=" + (id + 1000));
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(400);
        assertThat(detail.body()).contains("'id' is a path parameter");
    }

    @Test
    void aParameterTheDatabaseCannotTakeIsABadRequest() throws Exception {
        HttpResponse<String> r = bridge.get("/api/batches?mo=%00");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("parameter");
        assertThat(bridge.get("/api/batches?mo=WH").statusCode()).isEqualTo(200);
    }
}
