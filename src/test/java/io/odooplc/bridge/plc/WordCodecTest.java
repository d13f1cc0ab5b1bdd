package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordCodecTest {

    @Test
    void intIsSignedAndUintIsNot() {
        assertThat(WordCodec.decodeInt(0xB000)).isEqualTo(-20480);
        assertThat(WordCodec.decodeInt(101)).isEqualTo(101);
        assertThat(WordCodec.decodeUint(0xB000)).isEqualTo(45056);
        assertThat(WordCodec.decodeUint(-1)).as("signed short from a driver").isEqualTo(65535);
        assertThat(WordCodec.encodeInt(-20480)).isEqualTo(0xB000);
        assertThatThrownBy(() -> WordCodec.encodeInt(32768)).hasMessageContaining("outside the INT range");
        assertThatThrownBy(() -> WordCodec.encodeUint(-1)).hasMessageContaining("outside the UINT range");
    }

    @Test
    void dintWordOrder() {
        assertThat(WordCodec.decodeDint(0x0001, 0x86A0, WordOrder.HIGH_FIRST)).isEqualTo(100000);
        assertThat(WordCodec.decodeDint(0x86A0, 0x0001, WordOrder.LOW_FIRST)).isEqualTo(100000);
        assertThat(WordCodec.decodeDint(0xFFFF, 0xFFFE, WordOrder.HIGH_FIRST)).isEqualTo(-2);
        assertThat(WordCodec.encodeDint(-2, WordOrder.LOW_FIRST)).containsExactly(0xFFFE, 0xFFFF);
    }

    @Test
    void scaledDecodesUnsignedSoLegacyFailure1Reads381_25() {
        // plant-contract #1: raw 38125 decoded as signed 16-bit gave -274.11 kg.
        assertThat(WordCodec.decodeScaled(0, 38125, WordOrder.HIGH_FIRST, 100)).isEqualByComparingTo("381.25");
        assertThat(WordCodec.decodeScaled(1, 34464, WordOrder.HIGH_FIRST, 100)).isEqualByComparingTo("1000.00");
        assertThat(WordCodec.decodeScaled(0xFFFF, 0xFFFF, WordOrder.HIGH_FIRST, 100))
                .isEqualByComparingTo("42949672.95");
    }

    @ParameterizedTest
    @CsvSource({"0.57, 0, 57", "0.565, 0, 57", "0.564, 0, 56", "825, 1, 16964", "1000, 1, 34464",
            "96.1, 0, 9610", "42949672.95, 65535, 65535"})
    void scaledEncodeRoundsHalfUpLegacyFailure24(String kg, int high, int low) {
        assertThat(WordCodec.encodeScaled(new BigDecimal(kg), WordOrder.HIGH_FIRST, 100)).containsExactly(high, low);
    }

    @Test
    void scaledEncodeOfTheDoubleThatLegacyTruncatedTo56() {
        assertThat(0.57 * 100).isLessThan(57);
        assertThat(WordCodec.encodeScaled(BigDecimal.valueOf(0.57), WordOrder.HIGH_FIRST, 100)).containsExactly(0, 57);
    }

    @Test
    void scaledEncodeIsRangeChecked() {
        assertThatThrownBy(() -> WordCodec.encodeScaled(new BigDecimal("-0.01"), WordOrder.HIGH_FIRST, 100))
                .isInstanceOf(CodecException.class).hasMessageContaining("-0.01 x 100 = -1 is outside");
        assertThatThrownBy(() -> WordCodec.encodeScaled(new BigDecimal("42949672.96"), WordOrder.HIGH_FIRST, 100))
                .isInstanceOf(CodecException.class).hasMessageContaining("outside the unsigned 32-bit range");
    }

    @Test
    void ieeeRealInBothWordOrdersLegacyFailure10() {
        assertThat(WordCodec.decodeReal(32768, 17422, WordOrder.LOW_FIRST)).isEqualTo(570.0f);
        assertThat(WordCodec.decodeReal(17422, 32768, WordOrder.HIGH_FIRST)).isEqualTo(570.0f);
        assertThat(WordCodec.encodeReal(570.0f, WordOrder.LOW_FIRST)).containsExactly(32768, 17422);
        assertThatThrownBy(() -> WordCodec.decodeReal(0x7FC0, 0, WordOrder.HIGH_FIRST))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a finite float");
    }

    @Test
    void boolIsStrict() {
        assertThat(WordCodec.decodeBool(0)).isFalse();
        assertThat(WordCodec.decodeBool(1)).isTrue();
        assertThatThrownBy(() -> WordCodec.decodeBool(2)).isInstanceOf(CodecException.class)
                .hasMessage("boolean word must be 0 or 1, was 2");
        assertThatThrownBy(() -> WordCodec.decodeBool(0x8200)).hasMessageEndingWith("was 33280");
    }

    @Test
    void bcdDigitsAreValidated() {
        assertThat(WordCodec.decodeBcd4(0x2026)).isEqualTo(2026);
        assertThat(WordCodec.decodeBcd2(0x0023)).isEqualTo(23);
        assertThat(WordCodec.encodeBcd4(2026)).isEqualTo(0x2026);
        assertThat(WordCodec.encodeBcd2(7)).isEqualTo(0x07);
        assertThatThrownBy(() -> WordCodec.decodeBcd4(0x20A6)).isInstanceOf(CodecException.class)
                .hasMessage("0x20A6 is not BCD: nibble 0xA is above 9");
        assertThatThrownBy(() -> WordCodec.decodeBcd2(0x001F)).hasMessageContaining("nibble 0xF is above 9");
        assertThatThrownBy(() -> WordCodec.decodeBcd2(0x0123)).hasMessageContaining("zero high byte, was 0x0123");
        assertThatThrownBy(() -> WordCodec.encodeBcd2(100)).hasMessageContaining("outside the BCD range 0..99");
    }

    @Test
    void asciiMatchesTheLegacyExample() {
        int[] words = {22344, 12109, 20271, 12336, 12337, 12544, 0, 0};
        assertThat(WordCodec.decodeAscii(words)).isEqualTo("WH/MO/00011");
        assertThat(WordCodec.encodeAscii("WH/MO/00011", 8)).containsExactly(words);
    }

    @Test
    void asciiSixteenCharactersFillEightWords() {
        int[] words = WordCodec.encodeAscii("[10092] JF SAPOT", 8);
        assertThat(words).containsExactly(23345, 12336, 14642, 23840, 19014, 8275, 16720, 20308);
        assertThat(WordCodec.decodeAscii(words)).isEqualTo("[10092] JF SAPOT");
    }

    @Test
    void asciiTooLongIsRejectedNotTruncatedLegacyFailure25() {
        assertThatThrownBy(() -> WordCodec.encodeAscii("[10092] JF SAPOT 1B", 8)).isInstanceOf(CodecException.class)
                .hasMessage("\"[10092] JF SAPOT 1B\" has 19 characters, the field holds 16");
    }

    @Test
    void asciiNonLatinTextIsRejected() {
        assertThatThrownBy(() -> WordCodec.encodeAscii("JAGUNG é", 8)).isInstanceOf(CodecException.class)
                .hasMessageContaining("character 'é' (U+00E9) at index 7");
        assertThatThrownBy(() -> WordCodec.encodeAscii("饲料", 8)).hasMessageContaining("U+9972");
        assertThatThrownBy(() -> WordCodec.encodeAscii("A\tB", 8)).hasMessageContaining("U+0009");
    }

    @Test
    void asciiDecodeReportsGarbageBytesLegacyFailure8() {
        assertThatThrownBy(() -> WordCodec.decodeAscii(new int[] {0x2373, 0x8248, 0x5700}))
                .isInstanceOf(CodecException.class).hasMessage("byte 0x82 at character 2 is not printable ASCII");
        assertThatThrownBy(() -> WordCodec.decodeAscii(new int[] {176, 5328, 45076}))
                .hasMessage("byte 0x00 at character 0 is not printable ASCII");
        assertThat(WordCodec.decodeAscii(new int[] {0, 0})).isEmpty();
    }
}
