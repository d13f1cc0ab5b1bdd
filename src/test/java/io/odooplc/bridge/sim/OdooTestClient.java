package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A plain java.net.http client for the fake, holding the session cookie the way the bridge's Odoo client must. */
final class OdooTestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    record Reply(int status, JsonNode json, String body, Optional<String> setCookie) {

        /** The addon body whether or not it came inside a JSON-RPC envelope. */
        JsonNode result() {
            return json.has("result") ? json.get("result") : json;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final FakeOdoo odoo;
    private String sessionId;

    OdooTestClient(FakeOdoo odoo) {
        this.odoo = odoo;
    }

    OdooTestClient login() {
        OdooCredentials c = odoo.credentials();
        Reply reply = rpc(OdooEndpoint.WEB_AUTHENTICATE, Map.of("db", c.db(), "login", c.login(), "password", c.password()));
        sessionId = reply.setCookie().map(OdooTestClient::sessionIdOf).orElseThrow();
        return this;
    }

    /** A JSON-RPC call: the arguments go inside "params", as for mo-list-detailed and /web/session/authenticate. */
    Reply rpc(OdooEndpoint endpoint, Object params) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.set("params", MAPPER.valueToTree(params));
        return post(endpoint, envelope);
    }

    /** A bare call, as the bridge sends update, cancel, mark-done and failure reports. */
    Reply post(OdooEndpoint endpoint, Object body) {
        try {
            return send(endpoint, MAPPER.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply send(OdooEndpoint endpoint, String body, String contentType) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(odoo.url() + endpoint.path()))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (sessionId != null) {
            request.header("Cookie", "session_id=" + sessionId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    ? MAPPER.readTree(response.body()) : MAPPER.missingNode();
            return new Reply(response.statusCode(), json, response.body(), response.headers().firstValue("Set-Cookie"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String sessionIdOf(String setCookie) {
        return setCookie.split(";", 2)[0].substring("session_id=".length());
    }
}
