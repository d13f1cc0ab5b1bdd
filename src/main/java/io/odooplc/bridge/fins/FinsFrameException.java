package io.odooplc.bridge.fins;

/** Bytes that are not a well-formed FINS or FINS/TCP frame. */
public class FinsFrameException extends Exception {

    public FinsFrameException(String message) {
        super(message);
    }
}
