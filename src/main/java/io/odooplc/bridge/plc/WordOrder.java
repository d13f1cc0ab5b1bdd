package io.odooplc.bridge.plc;

/**
 * Which word of a two-word value sits at the lower address. The legacy PLC program and middleware agreed on
 * HIGH_FIRST for every scaled value, which is the opposite of Omron's native DINT/REAL order (LOW_FIRST).
 */
public enum WordOrder {
    HIGH_FIRST,
    LOW_FIRST;

    /** Combines two words read in address order into one 32-bit pattern. */
    public int combine(int first, int second) {
        int a = first & 0xFFFF;
        int b = second & 0xFFFF;
        return this == HIGH_FIRST ? (a << 16) | b : (b << 16) | a;
    }

    /** Splits a 32-bit pattern into two words in address order. */
    public int[] split(int bits) {
        int high = (bits >>> 16) & 0xFFFF;
        int low = bits & 0xFFFF;
        return this == HIGH_FIRST ? new int[] {high, low} : new int[] {low, high};
    }
}
