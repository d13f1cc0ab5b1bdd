package io.odooplc.bridge.sim;

import java.nio.charset.StandardCharsets;

/** The legacy word encodings of plant-contract §4.2 that the plant model writes and reads. */
final class LegacyWords {

    /** Every "REAL" in the legacy mapping is a 32-bit integer of value × 100. */
    static final int SCALE = 100;

    private LegacyWords() {
    }

    /** A scaled 32-bit value as two words, high word at the lower address. */
    static int[] scaled32(long raw) {
        if (raw < 0 || raw > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("raw value " + raw + " does not fit 32-bit unsigned");
        }
        return new int[] {(int) (raw >>> 16), (int) (raw & 0xFFFF)};
    }

    static long scaled32(int[] words, int offset) {
        return ((long) words[offset] << 16) | words[offset + 1];
    }

    /** ASCII text, 2 chars a word with the first in the high byte, NUL-padded and cut to the field. */
    static int[] ascii(String text, int wordCount) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int[] words = new int[wordCount];
        for (int i = 0; i < Math.min(bytes.length, 2 * wordCount); i++) {
            words[i / 2] |= (bytes[i] & 0xFF) << (i % 2 == 0 ? 8 : 0);
        }
        return words;
    }

    /** The printable characters of an ASCII field, for log lines. */
    static String text(int[] words, int offset, int wordCount) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < wordCount; i++) {
            appendPrintable(text, words[offset + i] >>> 8);
            appendPrintable(text, words[offset + i] & 0xFF);
        }
        return text.toString();
    }

    static boolean isBlank(int[] words, int offset, int wordCount) {
        for (int i = 0; i < wordCount; i++) {
            if (words[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void appendPrintable(StringBuilder text, int character) {
        if (character >= 32 && character <= 126) {
            text.append((char) character);
        }
    }
}
