package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Encodes and decodes the primitive PLC word types. Words are 16-bit values given as ints; anything outside
 * 0..65535 is masked, so signed shorts from a driver decode the same as unsigned words.
 * Every method rejects data it cannot represent faithfully with a {@link CodecException} instead of coercing it.
 */
public final class WordCodec {

    private static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;

    private WordCodec() {
    }

    public static int decodeInt(int word) {
        return (short) word;
    }

    public static int decodeUint(int word) {
        return word & 0xFFFF;
    }

    public static int decodeDint(int first, int second, WordOrder order) {
        return order.combine(first, second);
    }

    /** Legacy "REAL": unsigned 32-bit raw / scale. Unsigned because signed 16-bit decoding gave -274.11 for 381.25. */
    public static BigDecimal decodeScaled(int first, int second, WordOrder order, int scale) {
        long raw = Integer.toUnsignedLong(order.combine(first, second));
        return BigDecimal.valueOf(raw).divide(BigDecimal.valueOf(scale));
    }

    public static float decodeReal(int first, int second, WordOrder order) {
        float value = Float.intBitsToFloat(order.combine(first, second));
        if (!Float.isFinite(value)) {
            throw new CodecException("not a finite float: " + value);
        }
        return value;
    }

    public static boolean decodeBool(int word) {
        return switch (word & 0xFFFF) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new CodecException("boolean word must be 0 or 1, was " + (word & 0xFFFF));
        };
    }

    public static int decodeBcd4(int word) {
        return bcdDigits(word & 0xFFFF, 4);
    }

    public static int decodeBcd2(int word) {
        int w = word & 0xFFFF;
        if ((w & 0xFF00) != 0) {
            throw new CodecException(String.format("2-digit BCD must have a zero high byte, was 0x%04X", w));
        }
        return bcdDigits(w, 2);
    }

    /**
     * ASCII text, two characters per word, first character in the high byte. Trailing NUL bytes are padding;
     * any other byte outside printable ASCII (32..126), or a NUL followed by text, is reported.
     */
    public static String decodeAscii(int[] words) {
        byte[] bytes = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            bytes[2 * i] = (byte) (words[i] >>> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 32 || b > 126) {
                throw new CodecException(String.format("byte 0x%02X at character %d is not printable ASCII", b, i));
            }
            text.append((char) b);
        }
        return text.toString();
    }

    public static int encodeInt(long value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new CodecException(value + " is outside the INT range -32768..32767");
        }
        return (int) value & 0xFFFF;
    }

    public static int encodeUint(long value) {
        if (value < 0 || value > 0xFFFF) {
            throw new CodecException(value + " is outside the UINT range 0..65535");
        }
        return (int) value;
    }

    public static int[] encodeDint(long value, WordOrder order) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new CodecException(value + " is outside the DINT range");
        }
        return order.split((int) value);
    }

    /** Rounds half-up at the scale (0.57 kg -> 57, where the legacy truncation wrote 56) and range-checks. */
    public static int[] encodeScaled(BigDecimal value, WordOrder order, int scale) {
        BigDecimal raw = value.multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.HALF_UP);
        if (raw.signum() < 0 || raw.compareTo(BigDecimal.valueOf(MAX_UNSIGNED_32)) > 0) {
            throw new CodecException(value.toPlainString() + " x " + scale + " = " + raw.toPlainString()
                    + " is outside the unsigned 32-bit range read back by the PLC side");
        }
        return order.split((int) raw.longValueExact());
    }

    public static int[] encodeReal(float value, WordOrder order) {
        if (!Float.isFinite(value)) {
            throw new CodecException("cannot encode non-finite float " + value);
        }
        return order.split(Float.floatToIntBits(value));
    }

    public static int encodeBool(boolean value) {
        return value ? 1 : 0;
    }

    public static int encodeBcd4(int value) {
        return toBcd(value, 9999);
    }

    public static int encodeBcd2(int value) {
        return toBcd(value, 99);
    }

    /** Encodes into exactly {@code words} words; text that does not fit, or is not printable ASCII, is rejected. */
    public static int[] encodeAscii(String text, int words) {
        if (text.length() > words * 2) {
            throw new CodecException("\"" + text + "\" has " + text.length() + " characters, the field holds "
                    + words * 2);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 32 || c > 126) {
                throw new CodecException(String.format("character '%s' (U+%04X) at index %d of \"%s\" is not "
                        + "printable ASCII", c, (int) c, i, text));
            }
        }
        int[] out = new int[words];
        for (int i = 0; i < text.length(); i++) {
            out[i / 2] |= i % 2 == 0 ? text.charAt(i) << 8 : text.charAt(i);
        }
        return out;
    }

    private static int bcdDigits(int word, int digits) {
        int value = 0;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            int nibble = (word >>> shift) & 0xF;
            if (nibble > 9) {
                throw new CodecException(String.format("0x%04X is not BCD: nibble 0x%X is above 9", word, nibble));
            }
            value = value * 10 + nibble;
        }
        return value;
    }

    private static int toBcd(int value, int max) {
        if (value < 0 || value > max) {
            throw new CodecException(value + " is outside the BCD range 0.." + max);
        }
        int bcd = 0;
        int shift = 0;
        for (int v = value; v > 0; v /= 10, shift += 4) {
            bcd |= (v % 10) << shift;
        }
        return bcd;
    }
}
