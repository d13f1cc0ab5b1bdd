package io.odooplc.bridge.fins;

import java.util.List;

import org.apache.plc4x.java.api.types.PlcValueType;
import org.apache.plc4x.java.api.value.PlcValue;
import org.apache.plc4x.java.spi.values.PlcBOOL;
import org.apache.plc4x.java.spi.values.PlcDINT;
import org.apache.plc4x.java.spi.values.PlcDWORD;
import org.apache.plc4x.java.spi.values.PlcINT;
import org.apache.plc4x.java.spi.values.PlcREAL;
import org.apache.plc4x.java.spi.values.PlcUDINT;
import org.apache.plc4x.java.spi.values.PlcUINT;
import org.apache.plc4x.java.spi.values.PlcWORD;

/**
 * The data types a FINS tag may have, and how each sits in PLC words. Two-word types are stored the way Omron's
 * CX-Programmer lays out DINT/UDINT/REAL: the low word at the lower address.
 */
public enum FinsDataType {
    BOOL(PlcValueType.BOOL, 0),
    WORD(PlcValueType.WORD, 1),
    UINT(PlcValueType.UINT, 1),
    INT(PlcValueType.INT, 1),
    DWORD(PlcValueType.DWORD, 2),
    UDINT(PlcValueType.UDINT, 2),
    DINT(PlcValueType.DINT, 2),
    REAL(PlcValueType.REAL, 2);

    static final List<String> NAMES = List.of("BOOL", "WORD", "UINT", "INT", "DWORD", "UDINT", "DINT", "REAL");

    private final PlcValueType plcValueType;
    private final int words;

    FinsDataType(PlcValueType plcValueType, int words) {
        this.plcValueType = plcValueType;
        this.words = words;
    }

    public PlcValueType plcValueType() {
        return plcValueType;
    }

    /** Words one element occupies; 0 for BOOL, which is a single bit. */
    public int words() {
        return words;
    }

    /** The element at {@code words[offset]} (for BOOL: the bit {@code offset} counted from bit 0 of words[0]). */
    PlcValue decode(int[] words, int offset) {
        return switch (this) {
            case BOOL -> new PlcBOOL((words[offset / 16] >> (offset % 16) & 1) == 1);
            case WORD -> new PlcWORD(words[offset]);
            case UINT -> new PlcUINT(words[offset]);
            case INT -> new PlcINT((int) (short) words[offset]);
            case DWORD -> new PlcDWORD(unsigned32(words, offset));
            case UDINT -> new PlcUDINT(unsigned32(words, offset));
            case DINT -> new PlcDINT((int) unsigned32(words, offset));
            case REAL -> new PlcREAL(Float.intBitsToFloat((int) unsigned32(words, offset)));
        };
    }

    /** Converts one application value (a Number, Boolean, String or PlcValue) to this type's PlcValue. */
    PlcValue toPlcValue(Object value) {
        Object plain = value instanceof PlcValue plc ? plc.getObject() : value;
        return switch (this) {
            case BOOL -> PlcBOOL.of(plain);
            case WORD -> PlcWORD.of(plain);
            case UINT -> PlcUINT.of(plain);
            case INT -> PlcINT.of(plain);
            case DWORD -> PlcDWORD.of(plain);
            case UDINT -> PlcUDINT.of(plain);
            case DINT -> PlcDINT.of(plain);
            case REAL -> PlcREAL.of(plain);
        };
    }

    /** The words of one non-BOOL element, low word first for two-word types. */
    int[] encode(PlcValue value) {
        return switch (this) {
            case BOOL -> throw new IllegalStateException("BOOL is written bit by bit");
            case WORD, UINT, INT -> new int[] {value.getInt() & 0xFFFF};
            case DWORD, UDINT -> split(value.getLong());
            case DINT -> split(value.getInt());
            case REAL -> split(Float.floatToIntBits(value.getFloat()));
        };
    }

    private static long unsigned32(int[] words, int offset) {
        return (long) words[offset + 1] << 16 | words[offset];
    }

    private static int[] split(long value) {
        return new int[] {(int) (value & 0xFFFF), (int) (value >>> 16 & 0xFFFF)};
    }
}
