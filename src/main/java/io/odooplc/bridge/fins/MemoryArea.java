package io.odooplc.bridge.fins;

/**
 * The CS/CJ memory areas a tag may name, with their FINS area codes for word and bit access (W342, I/O memory area
 * codes) and the number of words a CJ2/CS1 CPU has in each.
 */
public enum MemoryArea {
    DM("D", 0x82, 0x02, 32768),
    CIO("CIO", 0xB0, 0x30, 6144),
    WR("W", 0xB1, 0x31, 512),
    HR("H", 0xB2, 0x32, 1536),
    AR("A", 0xB3, 0x33, 960);

    private final String prefix;
    private final int wordCode;
    private final int bitCode;
    private final int words;

    MemoryArea(String prefix, int wordCode, int bitCode, int words) {
        this.prefix = prefix;
        this.wordCode = wordCode;
        this.bitCode = bitCode;
        this.words = words;
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

    public int words() {
        return words;
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
