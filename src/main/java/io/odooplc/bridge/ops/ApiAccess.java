package io.odooplc.bridge.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Who may call the control API: a request with {@code Authorization: Bearer $ADMIN_TOKEN} in its request header and
 * nowhere else (a token in a URL ends up in proxy logs and browser history). Without ADMIN_TOKEN the control API is
 * off (403), so a forgotten token never leaves it open.
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

    /**
     * The verdict for an API request. platform-http merges query parameters and form fields into the message
     * headers, so the {@code Authorization} message header is trusted only when it is exactly the request header.
     */
    public Verdict check(Exchange exchange) {
        if (token.isEmpty()) {
            return check((String) null);
        }
        HttpMessage http = exchange.getIn(HttpMessage.class);
        String requestHeader = http == null ? null : http.getRequest().getHeader("Authorization");
        Object merged = exchange.getMessage().getHeader("Authorization");
        if (merged != null && !merged.equals(requestHeader)) {
            return new Verdict(401, "the token belongs in the 'Authorization: Bearer <ADMIN_TOKEN>' request header,"
                    + " not in the query string or a form field");
        }
        return check(requestHeader);
    }

    public Verdict check(String authorizationHeader) {
        if (token.isEmpty()) {
            return new Verdict(403, "the control API is disabled: set ADMIN_TOKEN to enable it");
        }
        String presented = authorizationHeader == null ? "" : authorizationHeader.strip();
        if (!presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Verdict(401, "missing 'Authorization: Bearer <ADMIN_TOKEN>' header");
        }
        // Digests first: equal lengths, so the comparison takes the same time whatever was presented.
        if (!MessageDigest.isEqual(sha256(presented.substring(7).strip()), sha256(token.get()))) {
            return new Verdict(401, "wrong token");
        }
        return new Verdict(null, null);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
