package io.odooplc.bridge.batch;

import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.SlotCodec;
import io.odooplc.bridge.plc.WordCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotValuesTest {

    private static final MemoryMap MAP = MemoryMap.loadDefault();

    private static int[] slot(int slot, String mo) {
        int[] words = new int[77];
        words[0] = slot;
        System.arraycopy(WordCodec.encodeAscii(mo, 8), 0, words, 1, 8);
        for (int id = 101; id <= 115; id++) {
            words[27 + 3 * (id - 101)] = id;
        }
        words[29] = 12500;
        return words;
    }

    private static SlotValues values(int slot, int[] words) {
        return SlotValues.of(new SlotCodec(MAP).decode(slot, words), words, MAP);
    }

    @Test
    void aGoodSlotIsTrustedWithItsValues() {
        SlotValues v = values(3, slot(3, "WH/MO/00011"));
        assertThat(v.mo()).contains("WH/MO/00011");
        assertThat(v.consumptionKg().get(101)).isEqualByComparingTo("125");
        assertThat(v.rejections()).isEmpty();
    }

    @Test
    void aNameThatIsNoMoNameMakesTheSlotUntrustedAndIsLoggedWithItsWords() {
        SlotValues v = values(3, slot(3, "MO/005011 "));
        assertThat(v.trusted()).isFalse();
        assertThat(v.consumptionKg()).isEmpty();
        assertThat(v.rejections()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("mo");
            assertThat(r.description()).contains("READ slot 3", "@D6201-D6208", "19791 (0x4D4F)");
        });
    }

    @Test
    void aBatchWordForAnotherSlotUntrustsTheSlot() {
        SlotValues v = values(4, slot(3, "WH/MO/00011"));
        assertThat(v.trusted()).isFalse();
        assertThat(v.rejections()).extracting(SlotValues.Rejection::field).containsExactly("batch");
    }

    @Test
    void anIdleSlotHasNothingToSay() {
        SlotValues v = values(5, new int[77]);
        assertThat(v.idle()).isTrue();
        assertThat(v.rejections()).isEmpty();
    }
}
