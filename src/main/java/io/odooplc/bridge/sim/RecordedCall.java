package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One request the fake received and what it answered. The body is the parsed request with any
 * "password" member masked; it is a MissingNode when the request was not JSON.
 */
public record RecordedCall(Instant at, String path, JsonNode body, int httpStatus, CallOutcome outcome,
                           JsonNode response) {

    public boolean isFor(OdooEndpoint endpoint) {
        return endpoint.path().equals(path);
    }
}
