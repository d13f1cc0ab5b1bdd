package io.odooplc.bridge.plc;

/** How a field's PLC words are interpreted. Each type knows how many words it occupies (ASCII: declared per field). */
public enum WordType {
    /** Signed 16-bit two's complement. */
    INT(1),
    /** Unsigned 16-bit. */
    UINT(1),
    /** Signed 32-bit integer in two words, order per field. */
    DINT(2),
    /** The legacy "REAL": unsigned 32-bit integer in two words, engineering value = raw / scale. */
    SCALED32(2),
    /** IEEE-754 float32 in two words, order per field. */
    REAL(2),
    /** Two characters per word, first character in the high byte, NUL padded. */
    ASCII(0),
    /** Four BCD digits in one word (years). */
    BCD4(1),
    /** Two BCD digits in the low byte; the high byte must be zero. */
    BCD2(1),
    /** Exactly 0 or 1. */
    BOOL(1);

    private final int fixedWords;

    WordType(int fixedWords) {
        this.fixedWords = fixedWords;
    }

    /** Word count implied by the type, or 0 when the field declares it (ASCII). */
    public int fixedWords() {
        return fixedWords;
    }

    public boolean isTwoWords() {
        return fixedWords == 2;
    }

    public boolean isNumeric() {
        return this != ASCII && this != BOOL;
    }
}
