package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotCodecEncodeTest {

    private final MemoryMap map = MemoryMap.loadDefault();
    private final SlotCodec codec = new SlotCodec(map);

    @Test
    void recipeLayoutMatchesWhatThePlcProgramExpects() {
        Recipe recipe = new Recipe(3, "WH/MO/00013", "[10011] JF SAPOT", new BigDecimal("2500"),
                Map.of(101, new BigDecimal("825.25"), 114, new BigDecimal("40")));
        int[] words = codec.encode(recipe);

        assertThat(words).hasSize(77);
        assertThat(words[0]).isEqualTo(3);
        assertThat(WordCodec.decodeAscii(Arrays.copyOfRange(words, 1, 9))).isEqualTo("WH/MO/00013");
        assertThat(Arrays.copyOfRange(words, 9, 17)).containsExactly(Arrays.copyOfRange(words, 17, 25));
        assertThat(Arrays.copyOfRange(words, 25, 27)).as("2500 kg, two words (plant-contract #2)").containsExactly(3, 53392);
        assertThat(Arrays.copyOfRange(words, 27, 30)).containsExactly(101, 1, 16989);
        assertThat(Arrays.copyOfRange(words, 30, 33)).as("not planned: 0").containsExactly(102, 0, 0);
        assertThat(Arrays.copyOfRange(words, 66, 69)).as("LQ written too (plant-contract #5)").containsExactly(114, 0, 4000);
        assertThat(Arrays.copyOfRange(words, 69, 72)).containsExactly(115, 0, 0);
        assertThat(Arrays.copyOfRange(words, 72, 77)).containsOnly(0);
    }

    @Test
    void plannedKgRoundsHalfUpLegacy24() {
        int[] words = codec.encode(new Recipe(1, "WH/MO/00011", "JF PLUS KUR", new BigDecimal("1000"),
                Map.of(109, BigDecimal.valueOf(0.57), 110, BigDecimal.valueOf(1.4000000000000001))));
        int offset = map.layout().field("eq109_consumption").offset();
        assertThat(Arrays.copyOfRange(words, offset, offset + 2)).containsExactly(0, 57);
        int offset110 = map.layout().field("eq110_consumption").offset();
        assertThat(Arrays.copyOfRange(words, offset110, offset110 + 2)).containsExactly(0, 140);
    }

    @Test
    void encodeThenDecodeRoundTrips() {
        Recipe recipe = new Recipe(10, "WH/MO/00020", "[10065] JF SUPER", new BigDecimal("1000"),
                Map.of(103, new BigDecimal("352"), 106, new BigDecimal("96.1"), 115, new BigDecimal("10.5")));
        SlotReading r = codec.decode(map.writeArea(), 10, codec.encode(recipe));

        assertThat(r.problems()).isEmpty();
        assertThat(r.batch()).contains(10);
        assertThat(r.mo()).contains("WH/MO/00020");
        assertThat(r.bom()).contains("[10065] JF SUPER");
        assertThat(r.quantityKg().orElseThrow()).isEqualByComparingTo("1000");
        assertThat(r.equipment().get(106).consumptionKg().orElseThrow()).isEqualByComparingTo("96.1");
        assertThat(r.equipment().get(115).consumptionKg().orElseThrow()).isEqualByComparingTo("10.5");
        assertThat(r.equipment().get(101).consumptionKg().orElseThrow()).isEqualByComparingTo("0");
        assertThat(r.statusReadData()).contains(false);
    }

    @Test
    void productNameLongerThanSixteenCharactersIsRefusedLegacy25() {
        Recipe recipe = new Recipe(2, "WH/MO/00012", "[10092] JF SAPOT 1B", new BigDecimal("1000"), Map.of());
        assertThatThrownBy(() -> codec.encode(recipe)).isInstanceOf(RecipeEncodeException.class)
                .hasMessage("WRITE slot 2, MO WH/MO/00012: NO-BoM (bom) @D7109-D7116: "
                        + "\"[10092] JF SAPOT 1B\" has 19 characters, the field holds 16");
    }

    @Test
    void nonAsciiProductNameIsRefused() {
        Recipe recipe = new Recipe(1, "WH/MO/00011", "JAGUNG ÜBER", new BigDecimal("1000"), Map.of());
        assertThatThrownBy(() -> codec.encode(recipe)).isInstanceOf(RecipeEncodeException.class)
                .hasMessageContaining("NO-BoM (bom) @D7009-D7016")
                .hasMessageContaining("(U+00DC)");
    }

    @Test
    void implausibleConsumptionIsRefused() {
        Recipe recipe = new Recipe(1, "WH/MO/00011", "JF PLUS", new BigDecimal("1000"),
                Map.of(102, new BigDecimal("6000")));
        assertThatThrownBy(() -> codec.encode(recipe)).isInstanceOf(RecipeEncodeException.class)
                .hasMessage("WRITE slot 1, MO WH/MO/00011: SILO ID 102 Consumption (eq102_consumption) @D7031-D7032: "
                        + "6000 is above the plausible maximum 5000");
    }

    @Test
    void negativeQuantityIsRefused() {
        Recipe recipe = new Recipe(1, "WH/MO/00011", "JF PLUS", new BigDecimal("-1"), Map.of());
        assertThatThrownBy(() -> codec.encode(recipe)).hasMessageContaining("Quantity Goods_id (quantity)")
                .hasMessageContaining("outside the unsigned 32-bit range");
    }

    @Test
    void unknownEquipmentIsRefused() {
        Recipe recipe = new Recipe(1, "WH/MO/00011", "JF PLUS", new BigDecimal("1000"),
                Map.of(116, BigDecimal.ONE));
        assertThatThrownBy(() -> codec.encode(recipe)).isInstanceOf(RecipeEncodeException.class)
                .hasMessage("WRITE slot 1, MO WH/MO/00011: plans equipment 116, which memory map cj2m-feed-mill "
                        + "does not have");
    }

    @Test
    void slotOutsideTheWriteAreaIsRefusedLegacy26() {
        Recipe recipe = new Recipe(11, "WH/MO/00021", "JF PLUS", new BigDecimal("1000"), Map.of());
        assertThatThrownBy(() -> codec.encode(recipe)).isInstanceOf(RecipeEncodeException.class)
                .hasMessage("MO WH/MO/00021: WRITE slot 11 does not exist (1..10)");
    }
}
