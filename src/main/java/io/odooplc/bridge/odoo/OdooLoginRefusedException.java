package io.odooplc.bridge.odoo;

/** Both login routes answered but neither gave a session. The message names user and database, never the password. */
public final class OdooLoginRefusedException extends Exception {

    public OdooLoginRefusedException(String message) {
        super(message, null, false, false);
    }
}
