package io.odooplc.bridge.plcio;

/** The PLC has not taken the last recipes yet (handshake, plant-contract §4.6): nothing was written. */
public class PlcNotReadyException extends RuntimeException {

    public PlcNotReadyException(String message) {
        super(message);
    }
}
