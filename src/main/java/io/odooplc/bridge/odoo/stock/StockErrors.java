package io.odooplc.bridge.odoo.stock;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.odooplc.bridge.odoo.OdooAnswer;

/**
 * Reads stock Odoo's errors (plant-contract §7.2): JSON-RPC answers HTTP 200 with an {@code error} member whose
 * {@code data.name} is the Python exception; JSON-2 answers an HTTP error status with {@code {name, message}}.
 */
public final class StockErrors {

    private static final Set<String> BUSINESS = Set.of("odoo.exceptions.UserError", "odoo.exceptions.ValidationError",
            "odoo.exceptions.MissingError", "odoo.exceptions.AccessError");
    /** execute_kw on a model that is not installed: a UserError, yet no business answer (the app may be added). */
    private static final Pattern NO_MODEL = Pattern.compile("Object (\\S+) doesn't exist");

    private StockErrors() {
    }

    /** The error's {name, message}: JSON-RPC's error.data, JSON-2's body; missing for a success. */
    static JsonNode error(int status, JsonNode json) {
        if (json.hasNonNull("error")) {
            return json.get("error").path("data");
        }
        return status == 200 ? MissingNode.getInstance() : json;
    }

    /** A serialization failure or deadlock left after Odoo's own retries, or JSON-2's 409: worth another try. */
    public static boolean isTransient(int status, JsonNode json) {
        return status == 409 || error(status, json).path("name").asText().startsWith("psycopg2");
    }

    /** A business error: Odoo refused this request for a reason that another try of the same cannot change. */
    static boolean isBusiness(int status, JsonNode json) {
        JsonNode error = error(status, json);
        String name = error.path("name").asText();
        if (missingModel(status, json).isPresent()) {
            return false;
        }
        return BUSINESS.contains(name) || (name.isEmpty() && (status == 403 || status == 422));
    }

    /** The model Odoo says it does not have (its app is not installed), if that is the error. */
    static Optional<String> missingModel(int status, JsonNode json) {
        Matcher m = NO_MODEL.matcher(error(status, json).path("message").asText());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The exception's short name and Odoo's message, safe to log (no traceback). */
    public static String describe(int status, JsonNode json) {
        JsonNode error = error(status, json);
        String name = error.path("name").asText("HTTP " + status);
        String message = error.path("message").asText("").strip().replaceAll("\\s+", " ");
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return message.isEmpty() ? shortName : shortName + ": " + message;
    }

    /** The outcome label of one HTTP exchange with stock Odoo for bridge_odoo_calls_total. */
    public static String outcomeTag(OdooAnswer answer) {
        if (answer.json().isMissingNode()) {
            return "http_error";
        }
        if (answer.status() == 401) {
            return "login_refused";
        }
        if (!error(answer.status(), answer.json()).isMissingNode()) {
            return isBusiness(answer.status(), answer.json()) ? "rejected" : "rpc_error";
        }
        return "success";
    }
}
