package io.odooplc.bridge.odoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads every Odoo answer the same way (plant-contract #27, where cancel was read differently): a JSON-RPC "error" member
 * is a failure; otherwise the body is {@code result} when present, else the body itself (some addon versions answer
 * bare); then the addon's {@code status} and {@code errors} decide.
 */
public final class OdooEnvelope {

    private static final Set<String> SUCCESS_STATUSES = Set.of("success", "ok");
    /** Odoo's JSON-RPC code for "Odoo Session Expired". */
    private static final int SESSION_EXPIRED_CODE = 100;

    private OdooEnvelope() {
    }

    /** The addon's answer inside the envelope, or the body itself when it came bare. */
    public static JsonNode payload(JsonNode body) {
        return body.has("result") ? body.get("result") : body;
    }

    public static boolean hasError(JsonNode body) {
        return body.hasNonNull("error");
    }

    /** True for Odoo's session-expired JSON-RPC error: the cookie is unknown or stale and a new login will help. */
    public static boolean isSessionExpired(JsonNode body) {
        JsonNode error = body.path("error");
        return error.path("code").asInt() == SESSION_EXPIRED_CODE
                || error.path("data").path("name").asText().endsWith("SessionExpiredException");
    }

    /** Classifies an answer of a SCADA addon route. */
    public static OdooReply reply(JsonNode body) {
        if (hasError(body)) {
            return OdooReply.failed("Odoo error: " + describeError(body.get("error")));
        }
        JsonNode payload = payload(body);
        String status = payload.path("status").asText("");
        if (SUCCESS_STATUSES.contains(status.toLowerCase())) {
            List<String> errors = new ArrayList<>();
            payload.path("errors").forEach(e -> errors.add(e.asText()));
            if (!errors.isEmpty()) {
                return new OdooReply(OdooReply.Outcome.PARTIAL, "partial success: " + String.join("; ", errors),
                        payload);
            }
            return new OdooReply(OdooReply.Outcome.SUCCESS, payload.path("message").asText(status), payload);
        }
        if ("error".equalsIgnoreCase(status)) {
            return new OdooReply(OdooReply.Outcome.REJECTED, payload.path("message").asText("rejected without a message"),
                    payload);
        }
        return OdooReply.failed("unexpected answer from Odoo (no status): " + abbreviate(payload.toString()));
    }

    static String describeError(JsonNode error) {
        String detail = error.path("data").path("message").asText("");
        String text = error.path("code").asText("?") + " " + error.path("message").asText("");
        return detail.isEmpty() ? text.strip() : text.strip() + ": " + detail;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
