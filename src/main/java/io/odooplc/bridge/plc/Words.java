package io.odooplc.bridge.plc;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Formatting of addresses and raw words for messages a plant engineer reads. */
public final class Words {

    private Words() {
    }

    public static String dm(int address) {
        return "D" + address;
    }

    /** Raw words as unsigned decimal and hex, e.g. {@code [45056 (0xB000), 176 (0x00B0)]}. */
    public static String describe(int[] words) {
        return Arrays.stream(words)
                .mapToObj(w -> (w & 0xFFFF) + String.format(" (0x%04X)", w & 0xFFFF))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
