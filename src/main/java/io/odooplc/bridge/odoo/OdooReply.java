package io.odooplc.bridge.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What one Odoo call came to, after the envelope was unwrapped: the addon's answer body and how to treat it.
 * {@code message} is safe to log and store: it never holds the password or the session cookie.
 */
public record OdooReply(Outcome outcome, String message, JsonNode body) {

    public enum Outcome {
        /** status success/ok and no errors. */
        SUCCESS,
        /** status success but a non-empty "errors" list: some values were not applied. */
        PARTIAL,
        /** status error: Odoo refused the request itself (unknown MO, MO done or cancelled). Resending cannot help. */
        REJECTED,
        /** Odoo could not be reached, answered an HTTP error or a JSON-RPC error, or refused the login. */
        FAILED,
        /** The circuit breaker is open: no request was sent. */
        CIRCUIT_OPEN
    }

    static OdooReply failed(String message) {
        return new OdooReply(Outcome.FAILED, message, MissingNode.getInstance());
    }

    static OdooReply circuitOpen(String message) {
        return new OdooReply(Outcome.CIRCUIT_OPEN, message, MissingNode.getInstance());
    }

    public boolean isSuccess() {
        return outcome == Outcome.SUCCESS;
    }

    public boolean isRejected() {
        return outcome == Outcome.REJECTED;
    }

    public boolean isCircuitOpen() {
        return outcome == Outcome.CIRCUIT_OPEN;
    }
}
