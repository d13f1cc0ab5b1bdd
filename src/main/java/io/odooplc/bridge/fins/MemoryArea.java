package io.odooplc.bridge.fins;

/**
 * The CS/CJ/CP memory areas a tag may name, with their FINS area codes for word and bit access (W342, I/O memory area
 * codes). How many words each area has depends on the CPU model (a CP1E has D0..D2047, a CJ2 D0..D32767), so the PLC
 * is the judge of an address: it answers 0x1103 for one it does not have.
 */
public enum MemoryArea {
    DM("D", 0x82, 0x02),
    CIO("CIO", 0xB0, 0x30),
    WR("W", 0xB1, 0x31),
    HR("H", 0xB2, 0x32),
    AR("A", 0xB3, 0x33);

    /** Words in the largest area of any CS/CJ/CP CPU (DM of a CJ2): no valid address reaches beyond. */
    public static final int MAX_WORDS = 32768;

    private final String prefix;
    private final int wordCode;
    private final int bitCode;

    MemoryArea(String prefix, int wordCode, int bitCode) {
        this.prefix = prefix;
        this.wordCode = wordCode;
        this.bitCode = bitCode;
    }

    public String prefix() {
        return prefix;
    }

    public int wordCode() {
        return wordCode;
    }

    public int bitCode() {
        return bitCode;
    }

    static MemoryArea ofPrefix(String prefix) {
        for (MemoryArea area : values()) {
            if (area.prefix.equals(prefix)) {
                return area;
            }
        }
        throw new IllegalArgumentException("no memory area with prefix " + prefix);
    }
}
