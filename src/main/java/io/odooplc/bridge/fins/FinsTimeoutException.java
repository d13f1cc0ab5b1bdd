package io.odooplc.bridge.fins;

import org.apache.plc4x.java.api.exceptions.PlcRuntimeException;

/** A command got no valid answer, however often it was sent. */
public class FinsTimeoutException extends PlcRuntimeException {

    public FinsTimeoutException(String message) {
        super(message);
    }
}
