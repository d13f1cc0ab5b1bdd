package io.odooplc.bridge.plc;

import java.math.BigDecimal;

/**
 * One field of a memory area.
 *
 * @param key       stable identifier used by code (e.g. {@code eq101_consumption})
 * @param label     the legacy mapping name, typos kept, so logs match what plant staff know
 * @param offset    word offset from the area (or slot) base
 * @param words     number of words occupied
 * @param scale     divisor for SCALED32 (1 otherwise)
 * @param wordOrder order of two-word values
 * @param max       plausibility limit in engineering units, or null for none
 */
public record FieldSpec(String key, String label, int offset, int words, WordType type, int scale,
                        WordOrder wordOrder, BigDecimal max) {

    /** First offset after this field. */
    public int end() {
        return offset + words;
    }
}
