package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOdooCancelAndMarkDoneTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final OdooTestClient client = new OdooTestClient(odoo).login();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private JsonNode cancel(String moId) {
        return client.post(OdooEndpoint.MO_CANCEL, Map.of("mo_id", moId)).result();
    }

    private JsonNode markDone(Map<String, Object> body) {
        return client.post(OdooEndpoint.MO_MARK_DONE, body).result();
    }

    @Test
    void cancelConfirmedAndProgressMos() {
        JsonNode confirmed = cancel("WH/MO/00013");
        JsonNode progress = cancel("WH/MO/00011");

        assertThat(confirmed.path("status").asText()).isEqualTo("success");
        assertThat(confirmed.path("message").asText()).isEqualTo("Manufacturing order cancelled successfully");
        assertThat(confirmed.path("mo_state").asText()).isEqualTo("cancel");
        assertThat(progress.path("mo_state").asText()).isEqualTo("cancel");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CANCEL);
        assertThat(odoo.mo("WH/MO/00011").orElseThrow().state()).isEqualTo(MoState.CANCEL);
    }

    @Test
    void cancellingTwiceIsStillSuccess() {
        cancel("WH/MO/00013");

        JsonNode again = cancel("WH/MO/00013");

        assertThat(again.path("status").asText()).isEqualTo("success");
        assertThat(again.path("message").asText()).contains("already cancelled");
        assertThat(again.path("mo_state").asText()).isEqualTo("cancel");
    }

    @Test
    void cancellingADoneMoIsAnError() {
        odoo.stock().forceState("WH/MO/00013", MoState.DONE);

        JsonNode answer = cancel("WH/MO/00013");

        assertThat(answer.path("status").asText()).isEqualTo("error");
        assertThat(answer.path("message").asText()).isEqualTo("Cannot cancel MO \"WH/MO/00013\" in state \"done\"");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.DONE);
    }

    @Test
    void cancellingAnUnknownMoIsNotFound() {
        assertThat(cancel("WH/MO/99999").path("message").asText())
                .isEqualTo("Manufacturing Order \"WH/MO/99999\" not found");
    }

    @Test
    void markDoneClosesTheMoWithItsFinishedQuantity() {
        JsonNode answer = markDone(Map.of("mo_id", "WH/MO/00011", "finished_qty", 995.5, "auto_consume", true,
                "date_end_actual", "2026-03-04 11:00:00"));

        assertThat(answer.path("status").asText()).isEqualTo("success");
        assertThat(answer.path("message").asText()).isEqualTo("Manufacturing order marked as done");
        assertThat(answer.path("mo_id").asText()).isEqualTo("WH/MO/00011");
        MoSnapshot mo = odoo.mo("WH/MO/00011").orElseThrow();
        assertThat(mo.state()).isEqualTo(MoState.DONE);
        assertThat(mo.finishedQty()).isEqualTo(995.5);
    }

    @Test
    void markDoneRefusesCancelledMosAndMissingQuantity() {
        cancel("WH/MO/00013");

        assertThat(markDone(Map.of("mo_id", "WH/MO/00013", "finished_qty", 1000.0)).path("status").asText())
                .isEqualTo("error");
        assertThat(markDone(Map.of("mo_id", "WH/MO/00014")).path("status").asText()).isEqualTo("error");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CANCEL);
        assertThat(odoo.mo("WH/MO/00014").orElseThrow().state()).isEqualTo(MoState.CONFIRMED);
    }

    @Test
    void anEnvelopedRequestIsReadFromItsParams() {
        JsonNode answer = client.rpc(OdooEndpoint.MO_CANCEL, Map.of("mo_id", "WH/MO/00015")).result();

        assertThat(answer.path("mo_state").asText()).isEqualTo("cancel");
    }
}
