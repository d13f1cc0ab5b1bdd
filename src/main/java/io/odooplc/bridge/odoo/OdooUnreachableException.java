package io.odooplc.bridge.odoo;

/**
 * Odoo could not be reached (connection refused or reset) or answered HTTP 5xx: the only failures the route files
 * send again within a call ({@code onException} redelivery in {@code odoo-retries}).
 */
public final class OdooUnreachableException extends Exception {

    public OdooUnreachableException(String message) {
        super(message, null, false, false);
    }
}
