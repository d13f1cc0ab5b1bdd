package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryMapTest {

    private final MemoryMap map = MemoryMap.loadDefault();

    @Test
    void defaultMapReproducesTheLegacySlotAreas() {
        assertThat(map.name()).isEqualTo("cj2m-feed-mill");
        assertThat(map.readArea().count()).isEqualTo(10);
        assertThat(map.readArea().base(1)).isEqualTo(6000);
        assertThat(map.readArea().base(10)).isEqualTo(6900);
        assertThat(map.writeArea().base(1)).isEqualTo(7000);
        assertThat(map.writeArea().base(10)).isEqualTo(7900);
        assertThat(map.layout().fields()).hasSize(39);
        assertThat(map.layout().width()).isEqualTo(77);
    }

    @Test
    void defaultMapHasTheLegacyFieldOffsetsTypesAndLabels() {
        assertField("batch", "BATCH", 0, 1, WordType.INT);
        assertField("mo", "NO-MO", 1, 8, WordType.ASCII);
        assertField("bom", "NO-BoM", 9, 8, WordType.ASCII);
        assertField("product", "finished_goods", 17, 8, WordType.ASCII);
        assertField("quantity", "Quantity Goods_id", 25, 2, WordType.SCALED32);
        assertField("status_manufacturing", "status manufaturing", 72, 1, WordType.BOOL);
        assertField("status_operation", "Status Operation", 73, 1, WordType.BOOL);
        assertField("weight_finished_good", "weight_finished_good", 74, 2, WordType.SCALED32);
        assertField("status_read_data", "status_read_data", 76, 1, WordType.BOOL);
        assertThat(map.layout().field("quantity").scale()).isEqualTo(100);
        assertThat(map.layout().field("weight_finished_good").wordOrder()).isEqualTo(WordOrder.HIGH_FIRST);
    }

    @Test
    void everyEquipmentHasItsIdAndConsumptionAtTheLegacyOffsets() {
        assertThat(map.equipment()).extracting(Equipment::id)
                .containsExactly(101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115);
        for (Equipment e : map.equipment()) {
            int n = e.id() - 101;
            FieldSpec id = map.layout().field(e.idFieldKey());
            FieldSpec consumption = map.layout().field(e.consumptionFieldKey());
            assertThat(id.offset()).as(e.code()).isEqualTo(27 + 3 * n);
            assertThat(id.type()).isEqualTo(WordType.INT);
            assertThat(consumption.offset()).as(e.code()).isEqualTo(28 + 3 * n);
            assertThat(consumption.type()).isEqualTo(WordType.SCALED32);
            assertThat(consumption.scale()).isEqualTo(100);
        }
        assertThat(map.layout().field("eq101_id").label()).isEqualTo("SILO ID 101 (SILO BESAR)");
        assertThat(map.layout().field("eq104_id").label()).isEqualTo("SILO ID 104");
        assertThat(map.layout().field("eq115_consumption").label()).isEqualTo("LQ ID 115 Consumption");
    }

    @Test
    void equipmentCarriesTagsOdooCodesAndNames() {
        assertThat(map.equipment(101)).extracting(Equipment::tag, Equipment::code, Equipment::name)
                .containsExactly("silo_a", "silo101", "SILO A");
        assertThat(map.equipment(113)).extracting(Equipment::tag, Equipment::code).containsExactly("silo_m", "silo113");
        assertThat(map.equipment(104).materials()).containsExactly("JAGUNG GILING", "BKK", "CGM");
        assertThat(map.equipment(112).materials()).containsExactly("KLENTENG");
        assertThat(map.equipment(114)).extracting(Equipment::tag, Equipment::code).containsExactly("lq_tetes", "lq114");
        assertThat(map.equipment(114).aliases()).containsExactly("LQ TETES", "LQTESTES", "LQTEST");
        assertThat(map.equipment(115)).extracting(Equipment::tag, Equipment::code).containsExactly("lq_fml", "lq115");
    }

    @Test
    void failureAreaAndHandshakeFlagsMatchTheLegacyAddresses() {
        FailureArea failure = map.failureArea();
        assertThat(failure.range()).isEqualTo(new WordRange(8000, 23));
        assertThat(failure.field("equipment_code")).extracting(FieldSpec::offset, FieldSpec::words, FieldSpec::type)
                .containsExactly(0, 8, WordType.ASCII);
        assertThat(failure.field("info")).extracting(FieldSpec::offset, FieldSpec::words).containsExactly(8, 8);
        assertThat(failure.field("year").type()).isEqualTo(WordType.BCD4);
        assertThat(List.of("month", "day", "hour", "minute", "second"))
                .extracting(k -> failure.field(k).offset()).containsExactly(17, 18, 19, 20, 21);
        assertThat(failure.field("second").type()).isEqualTo(WordType.BCD2);
        assertThat(map.handshake().writeReadyFlag()).isEqualTo(7076);
        assertThat(map.handshake().failureAck()).isEqualTo(8022);
        assertThat(map.slotFlagAddress(map.readArea(), 1)).isEqualTo(6076);
        assertThat(map.slotFlagAddress(map.readArea(), 10)).isEqualTo(6976);
        assertThat(map.slotFlagAddress(map.writeArea(), 3)).isEqualTo(7276);
    }

    @Test
    void frameLimitsPerProtocol() {
        assertThat(map.frameLimit(Protocol.MODBUS)).isEqualTo(new FrameLimit(125, 123));
        assertThat(map.frameLimit(Protocol.FINS)).isEqualTo(new FrameLimit(999, 996));
    }

    @Test
    void everyTwoWordFieldOfTheDefaultMapIsReadHighWordFirst() {
        // plant-contract #7: services disagreed on word order; one map, one order.
        assertThat(map.layout().fields()).filteredOn(f -> f.type().isTwoWords())
                .hasSize(17).allSatisfy(f -> assertThat(f.wordOrder()).isEqualTo(WordOrder.HIGH_FIRST));
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, DefaultMapText.with("name: cj2m-feed-mill", "name: second-line"));
        assertThat(MemoryMap.load(file).name()).isEqualTo("second-line");
        assertThat(MemoryMap.load(file).source()).isEqualTo(file.toString());
    }

    @Test
    void maxIsReadAsAPlausibilityLimit() {
        assertThat(map.layout().field("eq101_consumption").max()).isEqualByComparingTo(new BigDecimal("5000"));
        assertThat(map.layout().field("batch").max()).isNull();
    }

    private void assertField(String key, String label, int offset, int words, WordType type) {
        FieldSpec f = map.layout().field(key);
        assertThat(f).as(key).isNotNull();
        assertThat(f.label()).isEqualTo(label);
        assertThat(f.offset()).as(key + " offset").isEqualTo(offset);
        assertThat(f.words()).as(key + " words").isEqualTo(words);
        assertThat(f.type()).as(key + " type").isEqualTo(type);
    }

    @Test
    void missingFileIsReportedWithItsPath(@TempDir Path dir) {
        assertThatThrownBy(() -> MemoryMap.load(dir.resolve("absent.yaml")))
                .hasMessageContaining("absent.yaml");
    }
}
