package io.odooplc.bridge.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may call the control API: a request with {@code Authorization: Bearer $ADMIN_TOKEN}. Without ADMIN_TOKEN the
 * control API is off (403), so a forgotten token never leaves it open.
 */
public class ApiAccess {

    /** The answer to a control request: null status means allowed. */
    public record Verdict(Integer status, String reason) {
        public boolean allowed() {
            return status == null;
        }
    }

    private final Optional<String> token;

    public ApiAccess(Optional<String> token) {
        this.token = token;
    }

    public Verdict check(String authorizationHeader) {
        if (token.isEmpty()) {
            return new Verdict(403, "the control API is disabled: set ADMIN_TOKEN to enable it");
        }
        String presented = authorizationHeader == null ? "" : authorizationHeader.strip();
        if (!presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Verdict(401, "missing 'Authorization: Bearer <ADMIN_TOKEN>' header");
        }
        byte[] given = presented.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8))) {
            return new Verdict(401, "wrong token");
        }
        return new Verdict(null, null);
    }
}
