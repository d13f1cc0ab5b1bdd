package io.odooplc.bridge.plcio;

/** The PLC did not answer, answered in part, or refused a request: nothing read may be trusted, nothing was changed. */
public class PlcException extends RuntimeException {

    public PlcException(String message) {
        super(message);
    }
}
