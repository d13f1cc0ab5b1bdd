package io.odooplc.bridge.fins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.plc4x.java.api.exceptions.PlcInvalidTagException;
import org.apache.plc4x.java.api.types.PlcValueType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FinsTagTest {

    @ParameterizedTest
    @CsvSource({
        "D6000:UINT[77],  DM,  6000, -1, UINT, 77, 77",
        "D7076:UINT,      DM,  7076, -1, UINT,  1,  1",
        "CIO100:UINT[4],  CIO,  100, -1, UINT,  4,  4",
        "W10:INT,         WR,    10, -1, INT,   1,  1",
        "H5:UINT,         HR,     5, -1, UINT,  1,  1",
        "A100:UINT,       AR,   100, -1, UINT,  1,  1",
        "D200:REAL[3],    DM,   200, -1, REAL,  3,  6",
        "D300:DINT,       DM,   300, -1, DINT,  1,  2",
        "D100.05:BOOL,    DM,   100,  5, BOOL,  1,  1",
        "D100.15:BOOL[2], DM,   100, 15, BOOL,  2,  2",
        "D32767:WORD,     DM, 32767, -1, WORD,  1,  1",
    })
    void parsesOmronNotation(String address, MemoryArea area, int word, int bit, FinsDataType type, int count,
                             int words) {
        FinsTag tag = FinsTag.parse(address);

        assertThat(tag.area()).isEqualTo(area);
        assertThat(tag.address()).isEqualTo(word);
        assertThat(tag.bit()).isEqualTo(bit);
        assertThat(tag.type()).isEqualTo(type);
        assertThat(tag.count()).isEqualTo(count);
        assertThat(tag.wordCount()).isEqualTo(words);
        assertThat(tag.getAddressString()).isEqualTo(address);
    }

    @Test
    void arrayTagsReportTheirSizeToPlc4x() {
        FinsTag tag = FinsTag.parse("D6000:UINT[77]");

        assertThat(tag.getPlcValueType()).isEqualTo(PlcValueType.UINT);
        assertThat(tag.getArrayInfo()).singleElement().satisfies(info -> assertThat(info.getSize()).isEqualTo(77));
        assertThat(FinsTag.parse("D6000:UINT").getArrayInfo()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "D6000              | not a FINS tag address",
        "DM6000:UINT        | not a FINS tag address",
        "X10:UINT           | not a FINS tag address",
        "D6000:UINT[]       | not a FINS tag address",
        "d6000:uint         | not a FINS tag address",
        "D6000:STRING[10]   | unknown data type STRING",
        "D6000:LREAL        | unknown data type LREAL",
        "D100:BOOL          | BOOL needs a bit",
        "D100.05:UINT       | a bit address (.nn) needs type BOOL",
        "D100.16:BOOL       | bit 16 is outside 0..15",
        "D6000:UINT[0]      | count must be at least 1",
        "D32767:DINT        | outside D0..D32767",
        "W32767:UINT[2]     | outside W0..W32767",
        "''                 | not a FINS tag address",
    })
    void rejectsEverythingElseNamingTheTagAndTheSyntax(String address, String why) {
        assertThatThrownBy(() -> FinsTag.parse(address))
                .isInstanceOf(PlcInvalidTagException.class)
                .hasMessageContaining("'" + address + "'")
                .hasMessageContaining(why)
                .hasMessageContaining("D6000:UINT[77]");
    }

    @Test
    void nullIsRejectedToo() {
        assertThatThrownBy(() -> FinsTag.parse(null)).isInstanceOf(PlcInvalidTagException.class);
    }
}
