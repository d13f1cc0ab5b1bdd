package io.odooplc.bridge.plc;

import java.math.BigDecimal;

/** Encodes and decodes one field by its spec: picks the word type, applies scale, word order and the max limit. */
public final class FieldCodec {

    private FieldCodec() {
    }

    /** Numeric value in engineering units; rejects raw data that is invalid for the type or above {@code max}. */
    public static BigDecimal decodeNumber(FieldSpec field, int[] words) {
        BigDecimal value = switch (field.type()) {
            case INT -> BigDecimal.valueOf(WordCodec.decodeInt(words[0]));
            case UINT -> BigDecimal.valueOf(WordCodec.decodeUint(words[0]));
            case DINT -> BigDecimal.valueOf(WordCodec.decodeDint(words[0], words[1], field.wordOrder()));
            case SCALED32 -> WordCodec.decodeScaled(words[0], words[1], field.wordOrder(), field.scale());
            case REAL -> new BigDecimal(Float.toString(WordCodec.decodeReal(words[0], words[1], field.wordOrder())));
            case BCD4 -> BigDecimal.valueOf(WordCodec.decodeBcd4(words[0]));
            case BCD2 -> BigDecimal.valueOf(WordCodec.decodeBcd2(words[0]));
            case ASCII, BOOL -> throw new IllegalArgumentException(field.key() + " is " + field.type() + ", not numeric");
        };
        checkMax(field, value);
        return value;
    }

    public static String decodeText(FieldSpec field, int[] words) {
        requireType(field, WordType.ASCII);
        return WordCodec.decodeAscii(words);
    }

    public static boolean decodeFlag(FieldSpec field, int[] words) {
        requireType(field, WordType.BOOL);
        return WordCodec.decodeBool(words[0]);
    }

    /** Integer types need a whole number; SCALED32 rounds half-up at its scale; every type is range-checked. */
    public static int[] encodeNumber(FieldSpec field, BigDecimal value) {
        checkMax(field, value);
        return switch (field.type()) {
            case INT -> new int[] {WordCodec.encodeInt(whole(value))};
            case UINT -> new int[] {WordCodec.encodeUint(whole(value))};
            case DINT -> WordCodec.encodeDint(whole(value), field.wordOrder());
            case SCALED32 -> WordCodec.encodeScaled(value, field.wordOrder(), field.scale());
            case REAL -> WordCodec.encodeReal(value.floatValue(), field.wordOrder());
            case BCD4 -> new int[] {WordCodec.encodeBcd4((int) whole(value))};
            case BCD2 -> new int[] {WordCodec.encodeBcd2((int) whole(value))};
            case ASCII, BOOL -> throw new IllegalArgumentException(field.key() + " is " + field.type() + ", not numeric");
        };
    }

    public static int[] encodeText(FieldSpec field, String text) {
        requireType(field, WordType.ASCII);
        return WordCodec.encodeAscii(text, field.words());
    }

    public static int[] encodeFlag(FieldSpec field, boolean flag) {
        requireType(field, WordType.BOOL);
        return new int[] {WordCodec.encodeBool(flag)};
    }

    private static void checkMax(FieldSpec field, BigDecimal value) {
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            throw new CodecException(value.toPlainString() + " is above the plausible maximum "
                    + field.max().toPlainString());
        }
    }

    private static long whole(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new CodecException(value.toPlainString() + " is not a whole number");
        }
    }

    private static void requireType(FieldSpec field, WordType type) {
        if (field.type() != type) {
            throw new IllegalArgumentException(field.key() + " is " + field.type() + ", not " + type);
        }
    }
}
