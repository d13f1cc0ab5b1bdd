package io.odooplc.bridge.plc;

/**
 * Raw words that do not hold a valid value of their type, or a value that cannot be encoded.
 * The message says what is wrong with the data; callers add slot and field context.
 */
public class CodecException extends IllegalArgumentException {

    public CodecException(String message) {
        super(message);
    }
}
