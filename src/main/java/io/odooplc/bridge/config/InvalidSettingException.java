package io.odooplc.bridge.config;

/** A setting whose value the bridge cannot run with; the message names the variable, the value and what is allowed. */
public class InvalidSettingException extends RuntimeException {

    private final String variable;

    public InvalidSettingException(String variable, String value, String allowed) {
        super(variable + "=" + quote(value) + " is not valid: " + allowed);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }

    private static String quote(String value) {
        return value == null ? "(not set)" : "'" + value + "'";
    }
}
