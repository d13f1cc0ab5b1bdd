package io.odooplc.bridge.fins;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One FINS/TCP frame: "FINS", a 4-byte length (bytes after the length field), a 4-byte command, a 4-byte error code,
 * then the payload (the node addresses in the handshake, a FINS frame otherwise). All fields big-endian.
 */
public record FinsTcpFrame(int command, int errorCode, byte[] payload) {

    public static final int HEADER_LENGTH = 16;
    /** Client to server: "my node address is ..." (0 asks the server to assign one). */
    public static final int NODE_ADDRESS_TO_SERVER = 0;
    /** Server to client: the client's node address and the server's own. */
    public static final int NODE_ADDRESS_TO_CLIENT = 1;
    public static final int FRAME_SEND = 2;
    /** A FINS frame is at most 2012 bytes; anything much larger means the stream lost its framing. */
    public static final int MAX_PAYLOAD = 2048;

    private static final byte[] MAGIC = "FINS".getBytes(StandardCharsets.US_ASCII);

    private static final Map<Integer, String> ERRORS = Map.of(
            0x01, "the header is not 'FINS'",
            0x02, "the data length is too long",
            0x03, "the command is not supported",
            0x20, "all connections are in use",
            0x21, "the specified node is already connected",
            0x22, "attempt to access a protected node from an unspecified IP address",
            0x23, "the client FINS node address is out of range",
            0x24, "the same FINS node address is being used by the client and server",
            0x25, "all the node addresses available for allocation have been used");

    public FinsTcpFrame {
        payload = payload.clone();
    }

    public static FinsTcpFrame nodeAddressRequest(int clientNode) {
        return new FinsTcpFrame(NODE_ADDRESS_TO_SERVER, 0, ByteBuffer.allocate(4).putInt(clientNode).array());
    }

    public static FinsTcpFrame frameSend(byte[] finsFrame) {
        return new FinsTcpFrame(FRAME_SEND, 0, finsFrame);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
                .put(MAGIC).putInt(8 + payload.length).putInt(command).putInt(errorCode).put(payload)
                .array();
    }

    /** Decodes the 16-byte header and returns the number of payload bytes that follow it. */
    public static int payloadLength(byte[] header) throws FinsFrameException {
        if (header.length != HEADER_LENGTH || !Arrays.equals(Arrays.copyOf(header, 4), MAGIC)) {
            throw new FinsFrameException("FINS/TCP header does not start with 'FINS'");
        }
        int length = ByteBuffer.wrap(header, 4, 4).getInt();
        if (length < 8 || length - 8 > MAX_PAYLOAD) {
            throw new FinsFrameException("FINS/TCP length field " + length + " is outside 8.." + (8 + MAX_PAYLOAD));
        }
        return length - 8;
    }

    public static FinsTcpFrame decode(byte[] header, byte[] payload) throws FinsFrameException {
        if (payloadLength(header) != payload.length) {
            throw new FinsFrameException("FINS/TCP payload of " + payload.length + " bytes does not match the header");
        }
        ByteBuffer in = ByteBuffer.wrap(header, 8, 8);
        return new FinsTcpFrame(in.getInt(), in.getInt(), payload);
    }

    /** The client and server node addresses of a {@link #NODE_ADDRESS_TO_CLIENT} frame. */
    public int[] assignedNodes() throws FinsFrameException {
        if (command != NODE_ADDRESS_TO_CLIENT || payload.length != 8) {
            throw new FinsFrameException("expected a node address answer (command 1, 8 bytes), got " + this);
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        return new int[] {in.getInt(), in.getInt()};
    }

    public static String errorName(int errorCode) {
        return ERRORS.getOrDefault(errorCode, "unknown FINS/TCP error");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FinsTcpFrame f && f.command == command && f.errorCode == errorCode
                && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return (31 * command + errorCode) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "FinsTcpFrame[command=" + command + ", error=0x" + Integer.toHexString(errorCode)
                + (errorCode == 0 ? "" : " " + errorName(errorCode)) + ", " + payload.length + " payload bytes]";
    }
}
