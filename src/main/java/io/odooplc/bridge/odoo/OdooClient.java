package io.odooplc.bridge.odoo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.config.SafeUrl;
import org.apache.camel.Exchange;

/**
 * What is left in Java of an Odoo call, the calls themselves being the routes of {@code odoo-addon.camel.yaml}: the
 * steps around the {@code circuitBreaker} of route {@code odoo-call} (is Odoo configured, the envelope read into an
 * {@link OdooReply}, the fallback that turns a failed or refused call into one) and the last call, which the
 * {@code odoo} health check reports. The task's headers are set aside for the call, so none of them (an API
 * caller's Authorization) goes to Odoo and none of Odoo's (Set-Cookie) comes back into the task.
 */
public class OdooClient {

    /** Exchange property: the operation's request, sent again after a new login. */
    public static final String CALL = "odooCall";
    private static final String TASK_HEADERS = "odooTaskHeaders";

    /** The last call as the health check reports it. */
    public record LastCall(Instant at, OdooPath path, OdooReply.Outcome outcome, String message) {
    }

    private final Optional<OdooSettings> connection;
    private final OdooCircuit circuit;
    private final OdooHttp http;
    private volatile LastCall lastCall;

    public OdooClient(Optional<OdooSettings> connection, OdooCircuit circuit, OdooHttp http) {
        this.connection = connection;
        this.circuit = circuit;
        this.http = http;
    }

    /** Fails fast when no task that talks to Odoo is enabled and so ODOO_URL and the login were never required. */
    public void ensureConfigured() {
        if (connection.isEmpty()) {
            throw new IllegalStateException("Odoo is not configured: set ODOO_URL, ODOO_DB, ODOO_USERNAME and "
                    + "ODOO_PASSWORD (they are only required while a task that talks to Odoo is enabled)");
        }
    }

    /** First step of a call: Odoo configured, the request kept for a resend, the task's headers set aside. */
    public OdooRequest begin(OdooRequest request, Exchange exchange) {
        ensureConfigured();
        exchange.setProperty(CALL, request);
        exchange.setProperty(TASK_HEADERS, new HashMap<>(exchange.getMessage().getHeaders()));
        exchange.getMessage().removeHeaders("*");
        return request;
    }

    /**
     * Odoo's answer to an operation, read by {@link OdooEnvelope}. An answer that is no Odoo answer at all (an HTTP
     * error status, a session refused right after a new login) fails the call for the circuit.
     */
    public OdooReply reply(OdooAnswer answer) throws OdooBadAnswerException {
        if (answer.sessionExpired()) {
            throw new OdooBadAnswerException("Odoo said the session expired again right after a new login on "
                    + answer.path().path());
        }
        if (answer.status() != 200) {
            String hint = answer.status() == 404 ? " (is the SCADA addon installed?)" : "";
            throw new OdooBadAnswerException("HTTP " + answer.status() + " from " + safeUrl() + answer.path().path()
                    + hint);
        }
        return OdooEnvelope.reply(answer.json());
    }

    /** The circuitBreaker's fallback: the call failed (why, without secrets), or the open circuit refused it. */
    public OdooReply fallback(Exchange exchange) {
        OdooRequest request = exchange.getProperty(CALL, OdooRequest.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // Handled here: the task's run must not read it as its own failure.
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        if (failure == null || failure instanceof CallNotPermittedException) {
            http.count(request.path(), "circuit_open");
            return OdooReply.circuitOpen("Odoo circuit open after " + circuit.consecutiveFailures()
                    + " failed calls in a row; next trial call after " + circuit.retryAt());
        }
        return OdooReply.failed(reason(failure));
    }

    /** Last step of a call: remembered for the health check, the task's headers back in place. */
    public OdooReply finish(OdooReply reply, Exchange exchange) {
        OdooRequest request = exchange.getProperty(CALL, OdooRequest.class);
        lastCall = new LastCall(Instant.now(), request.path(), reply.outcome(), reply.message());
        exchange.getMessage().removeHeaders("*");
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = exchange.getProperty(TASK_HEADERS, Map.class);
        exchange.getMessage().setHeaders(new HashMap<>(headers));
        exchange.removeProperty(TASK_HEADERS);
        return reply;
    }

    public OdooCircuit circuit() {
        return circuit;
    }

    public Optional<LastCall> lastCall() {
        return Optional.ofNullable(lastCall);
    }

    /** ODOO_URL without user or password, for messages. */
    public String safeUrl() {
        return connection.map(c -> SafeUrl.of(c.url())).orElse("(not configured)");
    }

    /** Our own exceptions carry a message fit for the log; Camel may have wrapped them. */
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OdooUnreachableException || t instanceof OdooBadAnswerException
                    || t instanceof OdooLoginRefusedException) {
                return t.getMessage();
            }
        }
        return "Odoo call failed: " + failure.getClass().getSimpleName();
    }
}
