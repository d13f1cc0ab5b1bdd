package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.util.Map;

import io.odooplc.bridge.batch.SlotValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for an MO name, at staging and at reading: what fits the memory map's MO field (16 ASCII characters on
 * the CJ2M map), not the legacy WH/MO/nnnnn pattern. A renamed Odoo sequence is written and read back as the same
 * MO; a name the field cannot hold is refused before it is staged.
 */
class MoNameRuleTest {

    private static final MemoryMap MAP = MemoryMap.loadDefault();
    private static final SlotCodec CODEC = new SlotCodec(MAP);

    /** The READ slot the PLC shows for a recipe the bridge wrote: the WRITE slot's words with its BATCH word. */
    private static SlotValues readBack(String mo) {
        int[] words = CODEC.encode(new Recipe(4, mo, "PRODUCT", new BigDecimal("1000"),
                Map.of(101, new BigDecimal("250"))));
        return SlotValues.of(CODEC.decode(4, words), words, MAP);
    }

    @Test
    void aRenamedSequenceIsAnMoNameAndReadsBackAsWritten() {
        for (String mo : new String[] {"WEIRD/6", "wh/mo/00011", "MO-2026-0042", "A", "PLANT 2/MO/00001"}) {
            assertThat(MoNameRule.problem(mo, MAP)).as(mo).isEmpty();
            SlotValues read = readBack(mo);
            assertThat(read.rejections()).as(mo).isEmpty();
            assertThat(read.mo()).as(mo).contains(mo);
        }
    }

    @Test
    void whatTheFieldCannotHoldIsNoMoName() {
        assertThat(MoNameRule.problem("WH/MO/0000000000011", MAP)).hasValueSatisfying(p -> assertThat(p)
                .contains("19 characters", "holds 16"));
        assertThat(MoNameRule.problem("WH/MO/Ä1", MAP)).hasValueSatisfying(p -> assertThat(p)
                .contains("U+00C4", "printable ASCII"));
        assertThat(MoNameRule.problem("WH/MO/1 ", MAP)).hasValueSatisfying(p -> assertThat(p).contains("blank"));
        assertThat(MoNameRule.problem("", MAP)).isPresent();
    }
}
