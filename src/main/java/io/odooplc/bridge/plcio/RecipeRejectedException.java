package io.odooplc.bridge.plcio;

/** One batch cannot be written to the PLC as it is (e.g. non-ASCII product name); nothing was written. */
public class RecipeRejectedException extends RuntimeException {

    private final String moName;

    public RecipeRejectedException(String moName, String message) {
        super(message);
        this.moName = moName;
    }

    /** The MO whose batch was rejected, so the caller can set that batch aside and write the others. */
    public String moName() {
        return moName;
    }
}
