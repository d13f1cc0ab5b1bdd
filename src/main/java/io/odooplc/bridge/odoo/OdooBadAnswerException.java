package io.odooplc.bridge.odoo;

/**
 * A call that got no valid Odoo answer and that sending again at once cannot fix: no complete answer within
 * ODOO_TIMEOUT, an answer larger than ODOO_MAX_ANSWER_SIZE, a page that is not JSON (a proxy's or a maintenance
 * page), an unexpected HTTP status, or a session refused right after a new login. It fails the call for the circuit
 * breaker and the {@code odoo} health check.
 */
public final class OdooBadAnswerException extends Exception {

    public OdooBadAnswerException(String message) {
        super(message, null, false, false);
    }
}
