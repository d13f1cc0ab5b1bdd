package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Odoo 14's JSON-RPC framing for type='json' routes: every answer is {"jsonrpc":"2.0","id":..,"result"|"error"},
 * errors travel with HTTP 200, and the error member has Odoo's code/message/data shape.
 */
final class JsonRpc {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRpc() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * The arguments of a call. Odoo hands "params" to the route; the SCADA addon reads the raw body instead,
     * so clients send most of its routes bare. Accept both, as the addon effectively does.
     */
    static JsonNode params(JsonNode request) {
        JsonNode params = request.path("params");
        return params.isObject() ? params : request;
    }

    static ObjectNode result(JsonNode request, JsonNode result) {
        ObjectNode envelope = envelope(request);
        envelope.set("result", result);
        return envelope;
    }

    /** Odoo's answer when the route needs a user and the session cookie is missing, unknown or expired. */
    static ObjectNode sessionExpired(JsonNode request) {
        return error(request, 100, "Odoo Session Expired", "odoo.http.SessionExpiredException", "Session expired");
    }

    /** What /web/session/authenticate answers for a wrong db, login or password. */
    static ObjectNode accessDenied(JsonNode request) {
        return error(request, 200, "Odoo Server Error", "odoo.exceptions.AccessDenied", "Access Denied");
    }

    static boolean isSessionExpired(JsonNode response) {
        return response.path("error").path("code").asInt() == 100;
    }

    private static ObjectNode error(JsonNode request, int code, String message, String exception, String detail) {
        ObjectNode data = object();
        data.put("name", exception);
        data.put("debug", "");
        data.put("message", detail);
        data.set("arguments", array().add(detail));
        data.set("context", object());
        ObjectNode error = object();
        error.put("code", code);
        error.put("message", message);
        error.set("data", data);
        ObjectNode envelope = envelope(request);
        envelope.set("error", error);
        return envelope;
    }

    private static ObjectNode envelope(JsonNode request) {
        ObjectNode envelope = object();
        envelope.put("jsonrpc", "2.0");
        envelope.set("id", request.path("id").isMissingNode() ? JsonNodeFactory.instance.nullNode() : request.get("id"));
        return envelope;
    }
}
