package io.odooplc.bridge.odoo;

import java.util.Map;
import java.util.Optional;

import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Odoo session the route {@code odoo-login} opens and every other call carries as the {@code session_id}
 * cookie: the SCADA addon's login first, Odoo's own web login when the addon's is missing or refuses. It is kept
 * until Odoo says it expired. Neither the password nor the session id is ever logged or put in a message.
 */
public class OdooSession {

    private static final Logger LOG = LoggerFactory.getLogger(OdooSession.class);
    private static final String ADDON_REFUSAL = "odooAddonLoginRefusal";

    private final Optional<OdooSettings> connection;
    private final String safeUrl;
    private volatile String sessionId;

    public OdooSession(Optional<OdooSettings> connection, String safeUrl) {
        this.connection = connection;
        this.safeUrl = safeUrl;
    }

    public Optional<String> current() {
        return Optional.ofNullable(sessionId);
    }

    public boolean missing() {
        return sessionId == null;
    }

    /** The addon's login request. */
    public OdooRequest addonLogin() {
        return new OdooRequest(OdooPath.SCADA_AUTHENTICATE, credentials());
    }

    /** Odoo's own login request (JSON-RPC). */
    public OdooRequest webLogin() {
        return new OdooRequest(OdooPath.WEB_AUTHENTICATE, Map.of("jsonrpc", "2.0", "method", "call", "params",
                credentials()));
    }

    /** Keeps the session the addon's login gave; true (and why, for the message) when it gave none. */
    public boolean addonRefused(OdooAnswer answer, Exchange exchange) {
        boolean accepted = OdooEnvelope.payload(answer.json()).path("status").asText().equalsIgnoreCase("success");
        Optional<String> session = sessionOf(answer, accepted);
        session.ifPresent(id -> keep(id, answer.path()));
        exchange.setProperty(ADDON_REFUSAL, answer.status() == 200
                ? OdooEnvelope.payload(answer.json()).path("message").asText("refused") : "HTTP " + answer.status());
        return session.isEmpty();
    }

    /** Keeps the session of Odoo's own login, or fails the call naming user and database (never the password). */
    public void acceptWeb(OdooAnswer answer, Exchange exchange) throws OdooLoginRefusedException {
        Optional<String> session = sessionOf(answer, answer.json().path("result").path("uid").asInt() > 0);
        if (session.isPresent()) {
            keep(session.get(), answer.path());
            return;
        }
        String why = answer.status() != 200 ? "HTTP " + answer.status()
                : OdooEnvelope.hasError(answer.json()) ? OdooEnvelope.describeError(answer.json().get("error"))
                : "no session";
        OdooSettings c = connection.orElseThrow();
        throw new OdooLoginRefusedException("Odoo at " + safeUrl + " refused the login of '" + c.username()
                + "' on database '" + c.db() + "' (" + OdooPath.SCADA_AUTHENTICATE.path() + ": "
                + exchange.getProperty(ADDON_REFUSAL, String.class) + "; " + OdooPath.WEB_AUTHENTICATE.path() + ": "
                + why + ")");
    }

    /** Odoo no longer knows the session a call carried: the next call logs in again. */
    public void expired(OdooAnswer answer) {
        LOG.info("session expired on {}: logging in again", answer.path().path());
        sessionId = null;
    }

    private void keep(String id, OdooTarget via) {
        sessionId = id;
        OdooSettings c = connection.orElseThrow();
        LOG.info("logged in as '{}' on database '{}' at {} via {}", c.username(), c.db(), safeUrl, via.path());
    }

    private Map<String, Object> credentials() {
        OdooSettings c = connection.orElseThrow();
        return Map.of("db", c.db(), "login", c.username(), "password", c.password());
    }

    /** The session of a login answer: the cookie Odoo set, else the id the addon's login put in its body. */
    private static Optional<String> sessionOf(OdooAnswer answer, boolean accepted) {
        if (answer.status() != 200 || !accepted || OdooEnvelope.hasError(answer.json())) {
            return Optional.empty();
        }
        return answer.sessionCookie().or(() -> Optional.ofNullable(OdooEnvelope.payload(answer.json())
                .path("session_id").textValue()).filter(s -> !s.isBlank()));
    }
}
