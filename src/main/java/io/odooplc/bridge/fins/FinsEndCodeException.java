package io.odooplc.bridge.fins;

import org.apache.plc4x.java.api.exceptions.PlcRuntimeException;

/** The PLC answered a command with an end code other than normal completion. */
public class FinsEndCodeException extends PlcRuntimeException {

    private final transient EndCode endCode;

    public FinsEndCodeException(String what, EndCode endCode) {
        super(what + " failed with FINS end code " + endCode);
        this.endCode = endCode;
    }

    public EndCode endCode() {
        return endCode;
    }
}
