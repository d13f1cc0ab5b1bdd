package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The garbled and suspicious reads of plant-contract §6, each rejected per field with its raw words. */
class SlotCodecGarbageTest {

    private final MemoryMap map = MemoryMap.loadDefault();
    private final SlotCodec codec = new SlotCodec(map);

    @Test
    void tornSnapshotOfSlot1Legacy8() {
        int[] words = LiveReadCsv.slotWords(6000);
        System.arraycopy(new int[] {45056, 176, 5328, 45076}, 0, words, 0, 4);

        SlotReading r = codec.decode(1, words);

        assertThat(r.batch()).isEmpty();
        assertThat(r.problem("batch")).hasValueSatisfying(p -> assertThat(p.toString())
                .isEqualTo("READ slot 1, BATCH (batch) @D6000, raw [45056 (0xB000)]: BATCH holds -20480 but this is slot 1"));
        assertThat(r.mo()).isEmpty();
        assertThat(r.problem("mo").orElseThrow().problem()).isEqualTo("byte 0x00 at character 0 is not printable ASCII");
        assertThat(r.problem("mo").orElseThrow().rawWords()).startsWith(176, 5328, 45076);
        assertThat(r.problem("mo").orElseThrow().range()).isEqualTo(new WordRange(6001, 8));
        assertThat(r.product()).contains("[10092] JF SAPOT");
        assertThat(r.problems()).hasSize(2);
    }

    @Test
    void slot6WithForeignBytesAndAnImpossibleQuantityLegacy8() {
        int[] words = new int[77];
        words[0] = 0x8200;
        System.arraycopy(new int[] {0x2373, 0x8248, 0x5700}, 0, words, 1, 3);
        System.arraycopy(WordCodec.encodeAscii("M//O005011", 8), 0, words, 9, 8);
        words[25] = 12336;
        words[26] = 23426;

        SlotReading r = codec.decode(6, words);

        assertThat(r.problem("batch").orElseThrow().problem()).isEqualTo("BATCH holds -32256 but this is slot 6");
        assertThat(r.problem("mo").orElseThrow().problem()).isEqualTo("byte 0x82 at character 2 is not printable ASCII");
        assertThat(r.problem("mo").orElseThrow().toString()).startsWith("READ slot 6, NO-MO (mo) @D6501-D6508, raw ["
                + "9075 (0x2373), 33352 (0x8248)");
        assertThat(r.bom()).as("decodes, it is printable; recognising MO-like junk is the caller's job")
                .contains("M//O005011");
        assertThat(r.quantityKg()).isEmpty();
        assertThat(r.problem("quantity").orElseThrow().problem())
                .isEqualTo("8084755.22 is above the plausible maximum 20000");
    }

    @Test
    void siloIdBleedingIntoTheConsumptionHighWordIsRejectedNotMaskedLegacy9() {
        int[] words = LiveReadCsv.slotWords(6000);
        words[55] = 110;
        words[56] = 0;
        SlotReading spurious = codec.decode(1, words);
        assertThat(spurious.equipment().get(110).consumptionKg()).as("legacy reported 1.1 kg").isEmpty();
        assertThat(spurious.problem("eq110_consumption").orElseThrow().toString())
                .isEqualTo("READ slot 1, SILO ID 110 Consumption (eq110_consumption) @D6055-D6056, "
                        + "raw [110 (0x006E), 0 (0x0000)]: 72089.6 is above the plausible maximum 5000");
        assertThat(spurious.equipment().get(110).reportedId()).contains(110);

        words[56] = 10700;
        assertThat(codec.decode(1, words).equipment().get(110).consumptionKg()).as("legacy reported 107").isEmpty();
    }

    @Test
    void weightWrittenAsLowFirstIeeeFloatLegacy10() {
        int[] words = LiveReadCsv.slotWords(6000);
        words[74] = 32768;
        words[75] = 17422;

        SlotReading scaled = codec.decode(1, words);
        assertThat(scaled.weightKg()).as("legacy normalised this to 327.68 kg").isEmpty();
        assertThat(scaled.problem("weight_finished_good").orElseThrow().problem())
                .isEqualTo("21475010.7 is above the plausible maximum 20000");

        MemoryMap ieee = DefaultMapText.mapWith("type: SCALED32, scale: 100, word_order: HIGH_FIRST, max: 20000",
                "type: REAL, word_order: LOW_FIRST, max: 20000");
        SlotReading real = new SlotCodec(ieee).decode(1, words);
        assertThat(real.problems()).isEmpty();
        assertThat(real.weightKg()).hasValueSatisfying(w -> assertThat(w).isEqualByComparingTo("570.0"));
    }

    @Test
    void statusWordsMustBeExactlyZeroOrOne() {
        int[] words = LiveReadCsv.slotWords(6000);
        words[72] = 2;
        words[76] = 0xFFFF;
        SlotReading r = codec.decode(1, words);
        assertThat(r.statusManufacturing()).isEmpty();
        assertThat(r.statusReadData()).isEmpty();
        assertThat(r.problem("status_read_data").orElseThrow().problem())
                .isEqualTo("boolean word must be 0 or 1, was 65535");
        assertThat(r.statusOperation()).contains(false);
    }

    @Test
    void wrongEquipmentIdIsRejectedForThatEquipmentOnly() {
        int[] words = LiveReadCsv.slotWords(6000);
        words[27 + 3 * 4] = 205;
        SlotReading r = codec.decode(1, words);
        assertThat(r.equipment().get(105).reportedId()).isEmpty();
        assertThat(r.problem("eq105_id").orElseThrow().problem()).isEqualTo("ID word holds 205, expected 105");
        assertThat(r.equipment().get(105).consumptionKg().orElseThrow()).isEqualByComparingTo("10");
        assertThat(r.problems()).hasSize(1);
    }

    @Test
    void shortResponseRejectsTheFieldsItDoesNotCover() {
        int[] words = Arrays.copyOf(LiveReadCsv.slotWords(6000), 41);
        SlotReading r = codec.decode(1, words);
        assertThat(r.idle()).isFalse();
        assertThat(r.mo()).contains("WH/MO/00011");
        assertThat(r.equipment().get(104).consumptionKg()).isPresent();
        assertThat(r.equipment().get(105).consumptionKg()).as("offsets 40..41 straddle the end").isEmpty();
        assertThat(r.problem("eq105_consumption").orElseThrow().problem())
                .isEqualTo("response holds 41 words, field needs offsets up to 41");
        assertThat(r.problem("eq105_consumption").orElseThrow().rawWords()).as("the half that arrived").containsExactly(0);
        assertThat(r.statusReadData()).isEmpty();
    }

    @Test
    void idleSlotIsAllZeroAndNotAProblem() {
        SlotReading r = codec.decode(7, new int[77]);
        assertThat(r.idle()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.mo()).contains("");
        assertThat(r.batch()).contains(0);
        assertThat(r.equipment().get(101).reportedId()).contains(0);
    }

    @Test
    void productWithoutDigitsIsAcceptedLegacy31() {
        int[] words = LiveReadCsv.slotWords(6000);
        System.arraycopy(WordCodec.encodeAscii("JF PLUS KUR", 8), 0, words, 17, 8);
        SlotReading r = codec.decode(1, words);
        assertThat(r.problems()).isEmpty();
        assertThat(r.product()).contains("JF PLUS KUR");
    }

    @Test
    void randomGarbageNeverThrowsAndEveryRejectedValueHasAProblem() {
        Random random = new Random(20260307);
        for (int i = 0; i < 500; i++) {
            int[] words = random.ints(77, 0, 0x10000).toArray();
            SlotReading r = codec.decode(1 + i % 10, words);
            if (r.mo().isEmpty()) {
                assertThat(r.problem("mo")).isPresent();
            }
            if (r.quantityKg().isEmpty()) {
                assertThat(r.problem("quantity")).isPresent();
            }
            r.equipment().forEach((id, eq) -> {
                if (eq.consumptionKg().isEmpty()) {
                    assertThat(r.problem("eq" + id + "_consumption")).isPresent();
                }
            });
            assertThat(r.problems()).allSatisfy(p -> assertThat(p.rawWords()).isNotEmpty());
        }
    }
}
