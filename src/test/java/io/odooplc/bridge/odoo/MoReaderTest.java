package io.odooplc.bridge.odoo;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.batch.PlannedBatch;
import io.odooplc.bridge.plc.EquipmentMatcher;
import io.odooplc.bridge.plc.MemoryMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The field sample of mo-list-detailed (10 MOs, 2026-03-04) read into staged batches. */
class MoReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MoReader READER = new MoReader(new EquipmentMatcher(MemoryMap.loadDefault().equipment()));
    private static List<JsonNode> mos;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = MoReaderTest.class.getResourceAsStream("/sim/task1_odoo_payload_20260304_104830.json")) {
            JsonNode data = JSON.readTree(in).path("result").path("data");
            mos = StreamSupport.stream(data.spliterator(), false).toList();
        }
    }

    @Test
    void firstSampleMo() {
        PlannedBatch b = READER.read(mos.get(0));
        assertThat(b.moName()).isEqualTo("WH/MO/00011");
        assertThat(b.productName()).isEqualTo("[10092] JF SAPOT 1B");
        assertThat(b.targetKg()).isEqualByComparingTo("1000");
        assertThat(b.moEquipmentCode()).isEqualTo("PLC01");
        assertThat(b.components()).extracting(PlannedBatch.Component::equipmentId)
                .containsExactly(103, 102, 109, 105, 110, 111, 114, 115);
        assertThat(b.components().get(0)).isEqualTo(
                new PlannedBatch.Component(103, "silo103", "[40025] POLLAR ANGSA", new BigDecimal("300.0")));
        assertThat(b.components()).filteredOn(c -> c.equipmentId() == 114).singleElement()
                .extracting(PlannedBatch.Component::equipmentCode).isEqualTo("lq114");
        assertThat(b.leftOut()).contains("CaCO3", "[40022] GARAM", "[4002] DEMITOX");
    }

    @Test
    void everySampleMoHasEightToElevenDosedComponents() {
        for (JsonNode mo : mos) {
            PlannedBatch b = READER.read(mo);
            assertThat(b.components().size()).as(b.moName()).isBetween(8, 11);
            assertThat(b.components().size() + b.leftOut().size()).as(b.moName())
                    .isLessThanOrEqualTo(mo.path("components_consumption").size());
        }
    }

    @Test
    void aliasesAndTwoComponentsOnOneSilo() throws Exception {
        JsonNode mo = JSON.readTree("""
                {"mo_id": "WH/MO/00099", "quantity": 500.0, "product_name": "JF PLUS KUR", "equipment": null,
                 "components_consumption": [
                   {"product_name": "TETES", "to_consume": 12.5, "equipment": {"code": "LQTESTES", "name": false}},
                   {"product_name": "A", "to_consume": 100.0, "equipment": {"code": "silo101", "name": "SILO A"}},
                   {"product_name": "B", "to_consume": null, "consumed": 50.0, "equipment": {"code": "x", "name": "SILO 101"}},
                   {"product_name": "SALT", "to_consume": 1.0, "equipment": false}
                 ]}""");
        PlannedBatch b = READER.read(mo);
        assertThat(b.moEquipmentCode()).isNull();
        assertThat(b.components()).containsExactly(
                new PlannedBatch.Component(114, "lq114", "TETES", new BigDecimal("12.5")),
                new PlannedBatch.Component(101, "silo101", "A + B", new BigDecimal("150.0")));
        assertThat(b.leftOut()).containsExactly("SALT");
    }

    @Test
    void anMoWithoutNameOrQuantityIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> READER.read(JSON.readTree("{\"quantity\": 1000}")))
                .isInstanceOf(InvalidMoException.class).hasMessageContaining("without mo_id");
        assertThatThrownBy(() -> READER.read(JSON.readTree("{\"mo_id\": \"WH/MO/1\", \"quantity\": 0}")))
                .isInstanceOf(InvalidMoException.class).hasMessage("WH/MO/1: quantity missing or not positive");
    }
}
