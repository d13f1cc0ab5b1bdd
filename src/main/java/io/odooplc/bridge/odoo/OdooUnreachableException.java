package io.odooplc.bridge.odoo;

/** Odoo did not answer usefully: connection refused or reset, timeout, or HTTP 5xx after the in-call retries. */
final class OdooUnreachableException extends Exception {

    OdooUnreachableException(String message) {
        super(message);
    }
}
