package io.odooplc.bridge.odoo;

/** Both login routes answered but neither gave a session. The message names user and database, never the password. */
final class OdooLoginRefusedException extends Exception {

    OdooLoginRefusedException(String message) {
        super(message);
    }
}
