package io.odooplc.bridge.odoo;

/** An MO from Odoo that the bridge cannot stage; it is skipped with this reason, the others go on. */
public class InvalidMoException extends RuntimeException {

    public InvalidMoException(String message) {
        super(message);
    }
}
