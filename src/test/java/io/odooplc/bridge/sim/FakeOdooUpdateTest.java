package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOdooUpdateTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final OdooTestClient client = new OdooTestClient(odoo).login();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private JsonNode update(Map<String, Object> body) {
        OdooTestClient.Reply reply = client.post(OdooEndpoint.MO_UPDATE, body);
        assertThat(reply.json().path("jsonrpc").asText()).isEqualTo("2.0");
        return reply.result();
    }

    private static Map<String, Object> batch13() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mo_id", "WH/MO/00013");
        body.put("quantity", 1001.0);
        body.put("silo103", 340.0);
        body.put("silo102", 131.0);
        body.put("lq114", 40.0);
        return body;
    }

    @Test
    void updateAppliesFinishedQtyAndConsumptionsAndStartsTheMo() {
        JsonNode answer = update(batch13());

        assertThat(answer.path("status").asText()).isEqualTo("success");
        assertThat(answer.path("message").asText()).isEqualTo("MO updated successfully");
        assertThat(answer.path("mo_state").asText()).isEqualTo("progress");
        assertThat(answer.path("updated_finished_qty").asDouble()).isEqualTo(1001.0);
        assertThat(answer.path("errors").isEmpty()).isTrue();
        JsonNode first = answer.path("consumed_items").get(0);
        assertThat(first.path("equipment_code").asText()).isEqualTo("silo103");
        assertThat(first.path("equipment_name").asText()).isEqualTo("SILO C");
        assertThat(first.path("applied_qty").asDouble()).isEqualTo(340.0);
        assertThat(first.path("move_ids")).hasSize(1);
        assertThat(first.path("products").get(0).asText()).isEqualTo("[40025] POLLAR ANGSA");

        MoSnapshot mo = odoo.mo("WH/MO/00013").orElseThrow();
        assertThat(mo.state()).isEqualTo(MoState.PROGRESS);
        assertThat(mo.finishedQty()).isEqualTo(1001.0);
        assertThat(mo.quantityDone("silo103")).isEqualTo(340.0);
        assertThat(mo.quantityDone("silo102")).isEqualTo(131.0);
        assertThat(mo.quantityDone("lq114")).isEqualTo(40.0);
        assertThat(mo.quantityDone("silo101")).isZero();
        assertThat(odoo.calls(OdooEndpoint.MO_UPDATE)).singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo(CallOutcome.SUCCESS));
    }

    @Test
    void sendingTheSameUpdateTwiceReplacesInsteadOfAdding() {
        update(batch13());
        Map<String, Object> again = batch13();
        again.put("silo103", 338.0);
        update(again);
        update(again);

        MoSnapshot mo = odoo.mo("WH/MO/00013").orElseThrow();
        assertThat(mo.quantityDone("silo103")).isEqualTo(338.0);
        assertThat(mo.quantityDone("silo102")).isEqualTo(131.0);
        assertThat(mo.finishedQty()).isEqualTo(1001.0);
        assertThat(odoo.calls(OdooEndpoint.MO_UPDATE)).hasSize(3);
    }

    @Test
    void unknownEquipmentAndEquipmentNotOnTheMoGivePartialSuccess() {
        Map<String, Object> body = batch13();
        body.put("silo999", 5.0);
        body.put("silo105", 7.0);

        JsonNode answer = update(body);

        assertThat(answer.path("status").asText()).isEqualTo("success");
        assertThat(answer.path("message").asText()).isEqualTo("MO updated with some errors");
        assertThat(answer.path("errors")).extracting(JsonNode::asText).containsExactly(
                "silo999: Equipment not found", "silo105: No raw material move found for this equipment");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().quantityDone("silo103")).isEqualTo(340.0);
        assertThat(odoo.calls().get(odoo.calls().size() - 1).outcome()).isEqualTo(CallOutcome.PARTIAL);
    }

    @Test
    void forcedPartialErrorsStillApplyTheUpdate() {
        odoo.faults().forcePartialErrors(true);

        JsonNode answer = update(batch13());

        assertThat(answer.path("message").asText()).isEqualTo("MO updated with some errors");
        assertThat(answer.path("errors")).isNotEmpty();
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().quantityDone("silo103")).isEqualTo(340.0);
    }

    @Test
    void doneAndCancelledMosAreRejectedUntouched() {
        odoo.stock().forceState("WH/MO/00013", MoState.DONE);
        odoo.stock().forceState("WH/MO/00014", MoState.CANCEL);

        JsonNode done = update(batch13());
        Map<String, Object> cancelled = batch13();
        cancelled.put("mo_id", "WH/MO/00014");
        JsonNode cancel = update(cancelled);

        assertThat(done.path("status").asText()).isEqualTo("error");
        assertThat(done.path("message").asText()).contains("WH/MO/00013").contains("done");
        assertThat(cancel.path("status").asText()).isEqualTo("error");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().quantityDone("silo103")).isZero();
        assertThat(odoo.mo("WH/MO/00014").orElseThrow().finishedQty()).isZero();
    }

    @Test
    void unknownMoIsAnErrorNamingTheMo() {
        odoo.stock().remove("WH/MO/00013");

        JsonNode answer = update(batch13());

        assertThat(answer.path("status").asText()).isEqualTo("error");
        assertThat(answer.path("message").asText()).isEqualTo("Manufacturing Order \"WH/MO/00013\" not found");
        assertThat(odoo.calls().get(odoo.calls().size() - 1).outcome()).isEqualTo(CallOutcome.REJECTED);
    }

    @Test
    void severalMovesOnOneEquipmentShareTheTotalByPlannedQuantity() {
        odoo.stock().newMo("WH/MO/00100")
                .component("[40025] POLLAR ANGSA", 300.0, "silo103")
                .component("CaCO3", 30.0, "PLC01")
                .component("[40022] GARAM", 10.0, "PLC01")
                .add();

        JsonNode answer = update(Map.of("mo_id", "WH/MO/00100", "PLC01", 44.0));

        assertThat(answer.path("consumed_items").get(0).path("move_ids")).hasSize(2);
        JsonNode listed = odoo.stock().moJson("WH/MO/00100").orElseThrow().path("components_consumption");
        assertThat(listed.get(1).path("consumed").asDouble()).isCloseTo(33.0, within(1e-9));
        assertThat(listed.get(2).path("consumed").asDouble()).isCloseTo(11.0, within(1e-9));
        assertThat(odoo.mo("WH/MO/00100").orElseThrow().quantityDone("PLC01")).isCloseTo(44.0, within(1e-9));
    }

    @Test
    void progressMoStaysInProgressAndKeepsUntouchedMoves() {
        JsonNode answer = update(Map.of("mo_id", "WH/MO/00011", "silo103", 300.0));

        MoSnapshot mo = odoo.mo("WH/MO/00011").orElseThrow();
        assertThat(answer.path("mo_state").asText()).isEqualTo("progress");
        assertThat(answer.path("updated_finished_qty").isNull()).isTrue();
        assertThat(mo.quantityDone("silo103")).isEqualTo(300.0);
        assertThat(mo.quantityDone("silo102")).isEqualTo(137.0);
    }
}
