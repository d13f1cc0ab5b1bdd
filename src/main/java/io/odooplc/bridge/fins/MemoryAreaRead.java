package io.odooplc.bridge.fins;

import java.nio.ByteBuffer;

/**
 * Memory Area Read (0101): {@code count} items from {@code areaCode} at {@code address}.{@code bit}. With a word area
 * code each item is a 16-bit word; with a bit area code each item is one byte, 00 or 01.
 */
public record MemoryAreaRead(int areaCode, int address, int bit, int count) implements FinsCommand {

    /** Most words one read may ask for (W342): the response is then 14 + 1998 = 2012 bytes, the FINS maximum. */
    public static final int MAX_WORDS = 999;

    public MemoryAreaRead {
        MemoryAreaWrite.checkAddress(areaCode, address, bit);
        if (count < 1 || count > MAX_WORDS) {
            throw new IllegalArgumentException("read count must be 1.." + MAX_WORDS + ": " + count);
        }
    }

    /** Word area codes have bit 7 set (0x82, 0xB0..0xB3); bit area codes do not (0x02, 0x30..0x33). */
    public boolean bitArea() {
        return (areaCode & 0x80) == 0;
    }

    @Override
    public int responseDataLength() {
        return bitArea() ? count : count * 2;
    }

    @Override
    public int mrc() {
        return 0x01;
    }

    @Override
    public int src() {
        return 0x01;
    }

    @Override
    public int parameterLength() {
        return 6;
    }

    @Override
    public void encodeParameters(ByteBuffer out) {
        out.put((byte) areaCode).putShort((short) address).put((byte) bit).putShort((short) count);
    }
}
