package io.odooplc.bridge.fins;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Memory Area Write (0102): {@code data} to {@code areaCode} at {@code address}.{@code bit}. The item count sent is
 * the number of words (word area) or bytes (bit area, one byte 00/01 per bit).
 */
public record MemoryAreaWrite(int areaCode, int address, int bit, boolean bitArea, byte[] data) implements FinsCommand {

    /** Most words one write may carry over FINS/Ethernet (W342); the frame is then 2010 of the 2012 bytes allowed. */
    public static final int MAX_WORDS = 996;

    public MemoryAreaWrite {
        checkAddress(areaCode, address, bit);
        int items = bitArea ? data.length : data.length / 2;
        if (items < 1 || items > MAX_WORDS || (!bitArea && data.length % 2 != 0)) {
            throw new IllegalArgumentException("write must carry 1.." + MAX_WORDS + " whole items: " + data.length
                    + " bytes");
        }
        data = data.clone();
    }

    /** Words to a word area code. */
    public static MemoryAreaWrite words(int areaCode, int address, int[] words) {
        ByteBuffer data = ByteBuffer.allocate(words.length * 2);
        for (int word : words) {
            data.putShort((short) word);
        }
        return new MemoryAreaWrite(areaCode, address, 0, false, data.array());
    }

    /** Bits to a bit area code, starting at {@code address}.{@code bit}. */
    public static MemoryAreaWrite bits(int areaCode, int address, int bit, boolean[] bits) {
        byte[] data = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            data[i] = (byte) (bits[i] ? 1 : 0);
        }
        return new MemoryAreaWrite(areaCode, address, bit, true, data);
    }

    public int count() {
        return bitArea ? data.length : data.length / 2;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int responseDataLength() {
        return 0;
    }

    @Override
    public int mrc() {
        return 0x01;
    }

    @Override
    public int src() {
        return 0x02;
    }

    @Override
    public int parameterLength() {
        return 6 + data.length;
    }

    @Override
    public void encodeParameters(ByteBuffer out) {
        out.put((byte) areaCode).putShort((short) address).put((byte) bit).putShort((short) count()).put(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemoryAreaWrite w && w.areaCode == areaCode && w.address == address && w.bit == bit
                && w.bitArea == bitArea && Arrays.equals(w.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * areaCode + address) + bit) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "MemoryAreaWrite[area=0x" + Integer.toHexString(areaCode) + ", address=" + address + ", bit=" + bit
                + ", items=" + count() + "]";
    }

    static void checkAddress(int areaCode, int address, int bit) {
        if (areaCode < 0 || areaCode > 0xFF || address < 0 || address > 0xFFFF || bit < 0 || bit > 15) {
            throw new IllegalArgumentException("bad FINS address: area 0x" + Integer.toHexString(areaCode) + " word "
                    + address + " bit " + bit);
        }
    }
}
