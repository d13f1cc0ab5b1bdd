package io.odooplc.bridge.fins;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A decoded FINS response frame: header, echoed command code, end code and the data after it. */
public record FinsResponse(FinsHeader header, int mrc, int src, EndCode endCode, byte[] data) {

    /** Header, MRC, SRC, MRES, SRES. */
    public static final int MIN_LENGTH = FinsHeader.LENGTH + 4;

    public FinsResponse {
        data = data.clone();
    }

    /** Decodes one frame; anything shorter than a header plus command and end code is not a FINS response. */
    public static FinsResponse decode(byte[] frame) throws FinsFrameException {
        if (frame.length < MIN_LENGTH) {
            throw new FinsFrameException("FINS frame of " + frame.length + " bytes is shorter than the "
                    + MIN_LENGTH + " bytes of header, command code and end code");
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        FinsHeader header = FinsHeader.decode(in);
        int mrc = in.get() & 0xFF;
        int src = in.get() & 0xFF;
        EndCode endCode = new EndCode(in.get() & 0xFF, in.get() & 0xFF);
        byte[] data = Arrays.copyOfRange(frame, MIN_LENGTH, frame.length);
        return new FinsResponse(header, mrc, src, endCode, data);
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(MIN_LENGTH + data.length);
        header.encode(out);
        out.put((byte) mrc).put((byte) src).put((byte) endCode.mres()).put((byte) endCode.sres()).put(data);
        return out.array();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data as big-endian 16-bit words. */
    public int[] words() {
        int[] words = new int[data.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = (data[2 * i] & 0xFF) << 8 | data[2 * i + 1] & 0xFF;
        }
        return words;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FinsResponse r && r.header.equals(header) && r.mrc == mrc && r.src == src
                && r.endCode.equals(endCode) && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FinsResponse[" + header + ", command=" + String.format("%02X%02X", mrc, src) + ", endCode=" + endCode
                + ", " + data.length + " data bytes]";
    }
}
