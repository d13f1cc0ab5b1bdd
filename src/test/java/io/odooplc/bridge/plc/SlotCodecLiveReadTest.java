package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Decodes the real slot-1 read from the plant and checks every field against what the legacy decoder produced. */
class SlotCodecLiveReadTest {

    private final MemoryMap map = MemoryMap.loadDefault();
    private final SlotReading reading = new SlotCodec(map).decode(1, LiveReadCsv.slotWords(6000));

    @Test
    void csvCoversAllThirtyNineFieldsAtTheMappedAddresses() {
        List<LiveReadCsv.Row> rows = LiveReadCsv.rows();
        assertThat(rows).hasSize(39);
        assertThat(rows).extracting(LiveReadCsv.Row::label)
                .containsExactlyElementsOf(map.layout().fields().stream().map(FieldSpec::label).toList());
        for (LiveReadCsv.Row row : rows) {
            FieldSpec field = fieldByLabel(row.label());
            assertThat(row.start()).as(row.label()).isEqualTo(6000 + field.offset());
            assertThat(row.rawWords()).as(row.label()).hasSize(field.words());
        }
    }

    @Test
    void liveReadDecodesCleanly() {
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.idle()).isFalse();
        assertThat(reading.batch()).contains(1);
        assertThat(reading.mo()).contains("WH/MO/00011");
        assertThat(reading.bom()).contains("[10092] JF SAPOT");
        assertThat(reading.product()).contains("[10092] JF SAPOT");
        assertThat(reading.quantityKg()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("1000"));
        assertThat(reading.statusManufacturing()).contains(true);
        assertThat(reading.statusOperation()).contains(false);
        assertThat(reading.weightKg()).hasValueSatisfying(w -> assertThat(w).isEqualByComparingTo("0"));
        assertThat(reading.statusReadData()).contains(false);
    }

    @Test
    void everyEquipmentValueMatchesTheLegacyDecode() {
        for (LiveReadCsv.Row row : LiveReadCsv.rows()) {
            FieldSpec field = fieldByLabel(row.label());
            for (Equipment e : map.equipment()) {
                EquipmentReading eq = reading.equipment().get(e.id());
                if (field.key().equals(e.idFieldKey())) {
                    assertThat(eq.reportedId()).as(row.label()).contains(Integer.parseInt(row.decoded()));
                }
                if (field.key().equals(e.consumptionFieldKey())) {
                    assertThat(eq.consumptionKg()).as(row.label()).hasValueSatisfying(
                            kg -> assertThat(kg).isEqualByComparingTo(new BigDecimal(row.decoded())));
                }
            }
        }
        assertThat(reading.equipment().get(110).consumptionKg().orElseThrow()).isEqualByComparingTo("107");
        assertThat(reading.equipment().get(115).consumptionKg().orElseThrow()).isEqualByComparingTo("30");
    }

    @Test
    void encodingTheSameRecipeReproducesTheLiveWordsExceptStatusFlags() {
        SlotReading r = reading;
        Map<Integer, BigDecimal> planned = new HashMap<>();
        r.equipment().forEach((id, eq) -> planned.put(id, eq.consumptionKg().orElseThrow()));
        Recipe recipe = new Recipe(1, r.mo().orElseThrow(), r.product().orElseThrow(), r.quantityKg().orElseThrow(),
                planned);
        int[] expected = LiveReadCsv.slotWords(6000);
        expected[72] = 0; // the PLC sets status manufaturing once the batch is done; a fresh recipe carries 0
        assertThat(new SlotCodec(map).encode(recipe)).containsExactly(expected);
    }

    private FieldSpec fieldByLabel(String label) {
        return map.layout().fields().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
    }
}
