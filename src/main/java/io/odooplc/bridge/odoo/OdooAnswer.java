package io.odooplc.bridge.odoo;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one HTTP exchange with Odoo brought back: the status, the JSON body ({@code MissingNode} when the body was not
 * JSON) and the {@code session_id} cookie Odoo set, if any. Its toString leaves the cookie out.
 */
public record OdooAnswer(OdooPath path, int status, JsonNode json, Optional<String> sessionCookie) {

    /** Odoo's answer to a call made with a session it no longer knows: HTTP 401/403 or its JSON-RPC session error. */
    public boolean sessionExpired() {
        return status == 401 || status == 403 || OdooEnvelope.isSessionExpired(json);
    }

    @Override
    public String toString() {
        return "OdooAnswer[" + path.path() + " HTTP " + status + "]";
    }
}
