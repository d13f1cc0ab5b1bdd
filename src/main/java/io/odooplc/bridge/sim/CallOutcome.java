package io.odooplc.bridge.sim;

/** How the fake answered one call, as a test would classify it. */
public enum CallOutcome {
    /** status "success" (or a JSON-RPC result for the web client routes) and no errors. */
    SUCCESS,
    /** status "success" but a non-empty "errors" list. */
    PARTIAL,
    /** status "error" from the addon, e.g. unknown MO or a closed MO. */
    REJECTED,
    /** JSON-RPC "error" member other than session expiry, e.g. wrong password on /web/session/authenticate. */
    RPC_ERROR,
    /** JSON-RPC error code 100 "Odoo Session Expired". */
    SESSION_EXPIRED,
    /** An HTTP error status: forced by a fault switch, bad request, unknown route. */
    HTTP_ERROR
}
