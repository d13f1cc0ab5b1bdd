package io.odooplc.bridge.odoo;

/**
 * A task could not do its Odoo part because the call brought no usable answer (Odoo unreachable or failing, the
 * circuit open). The Odoo routes already counted the call and updated the circuit and the odoo health check.
 */
public class OdooCallFailedException extends RuntimeException {

    public OdooCallFailedException(String message) {
        super(message);
    }
}
