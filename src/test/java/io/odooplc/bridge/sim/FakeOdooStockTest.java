package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FakeOdooStockTest {

    private static final Pattern DOSED = Pattern.compile("silo1(0[1-9]|1[0-2])|lq11[45]");

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static List<ObjectNode> allMos(FakeOdooStock stock) {
        return stock.mos().stream().map(mo -> stock.moJson(mo.moId()).orElseThrow()).toList();
    }

    @Test
    void sampleStockHoldsTheTenFieldMosAndTheirEquipment() {
        FakeOdooStock stock = FakeOdooStock.sample();

        assertThat(stock.size()).isEqualTo(10);
        assertThat(stock.mo("WH/MO/00011").orElseThrow().quantityDone("silo103")).isEqualTo(352.0);
        assertThat(stock.equipment().codes()).hasSize(15).contains("PLC01", "silo101", "silo112", "lq114", "lq115");
        assertThat(stock.equipment().get("lq115").path("name").asText()).isEqualTo("LQ FML");
    }

    @Test
    void generatedStockIsTheSameForTheSameSeedAndDiffersForAnother() {
        List<ObjectNode> first = allMos(FakeOdooStock.generated(25, 7));

        assertThat(allMos(FakeOdooStock.generated(25, 7))).isEqualTo(first);
        assertThat(allMos(FakeOdooStock.generated(25, 8))).isNotEqualTo(first);
    }

    @Test
    void generatedMosLookLikeTheFieldOnes() {
        FakeOdooStock stock = FakeOdooStock.generated(40, 1);
        JsonNode sampleMo = stock.moJson("WH/MO/00011").orElseThrow();
        List<ObjectNode> mos = allMos(stock);

        assertThat(mos).hasSize(40);
        assertThat(mos.get(39).path("mo_id").asText()).isEqualTo("WH/MO/00050");
        for (ObjectNode mo : mos) {
            assertThat(keys(mo)).isEqualTo(keys(sampleMo));
            assertThat(mo.path("mo_id").asText()).matches("WH/MO/\\d{5}");
            assertThat(Set.of("confirmed", "progress")).contains(mo.path("state").asText());
            assertThat(mo.path("bom_code").isBoolean()).isTrue();
            JsonNode components = mo.path("components_consumption");
            assertThat(components.size()).isBetween(11, 18);
            assertThat(mo.path("bom_components").size()).isEqualTo(components.size());
            int dosed = 0;
            double total = 0;
            for (JsonNode component : components) {
                assertThat(keys(component)).isEqualTo(keys(sampleMo.path("components_consumption").get(0)));
                JsonNode equipment = component.path("equipment");
                if (equipment.isObject() && DOSED.matcher(equipment.path("code").asText()).matches()) {
                    dosed++;
                    assertThat(keys(equipment)).hasSize(14);
                }
                total += component.path("to_consume").asDouble();
            }
            assertThat(dosed).as(mo.path("mo_id").asText()).isBetween(8, 11);
            assertThat(total).as(mo.path("mo_id").asText()).isBetween(985.0, 1010.0);
        }
        assertThat(mos.stream().skip(10).filter(mo -> mo.path("state").asText().equals("progress"))).isNotEmpty();
    }

    @Test
    void builtMoHasTheFieldShape() {
        FakeOdooStock stock = FakeOdooStock.sample();
        JsonNode sampleMo = stock.moJson("WH/MO/00011").orElseThrow();

        MoSnapshot added = stock.newMo("WH/MO/00100").state(MoState.PROGRESS).equipment(null)
                .component("[40025] POLLAR ANGSA", 300.0, "silo103")
                .component("CaCO3", 20.0, null)
                .add();
        JsonNode built = stock.moJson("WH/MO/00100").orElseThrow();

        assertThat(added.state()).isEqualTo(MoState.PROGRESS);
        assertThat(keys(built)).isEqualTo(keys(sampleMo));
        assertThat(built.path("equipment").isNull()).isTrue();
        assertThat(built.path("components_consumption").get(0).path("equipment"))
                .isEqualTo(sampleMo.path("components_consumption").get(0).path("equipment"));
        assertThat(built.path("components_consumption").get(1).path("equipment").isNull()).isTrue();
        assertThat(built.path("schedule_start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    }
}
