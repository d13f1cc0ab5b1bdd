package io.odooplc.bridge.plc;

/** A recipe value that cannot be written to the PLC as is; the message names slot, MO, field and value. */
public class RecipeEncodeException extends IllegalArgumentException {

    public RecipeEncodeException(String message) {
        super(message);
    }
}
