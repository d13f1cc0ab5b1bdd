package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOdooMoListTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final OdooTestClient client = new OdooTestClient(odoo).login();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private JsonNode list(Map<String, Object> params) {
        return client.rpc(OdooEndpoint.MO_LIST, params).json().path("result");
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("data").forEach(mo -> ids.add(mo.path("mo_id").asText()));
        return ids;
    }

    @Test
    void listsTheFieldSampleExactlyAsOdooSentIt() throws Exception {
        JsonNode sample;
        try (var in = getClass().getResourceAsStream(FakeOdooStock.SAMPLE_RESOURCE)) {
            sample = OdooTestClient.MAPPER.readTree(in);
        }

        JsonNode reply = client.rpc(OdooEndpoint.MO_LIST, Map.of("limit", 10, "offset", 0)).json();

        assertThat(reply.path("result")).isEqualTo(sample.path("result"));
        assertThat(reply.path("jsonrpc").asText()).isEqualTo("2.0");
    }

    @Test
    void withoutStatesListsProgressFirstThenConfirmedAndNeverClosedMos() {
        odoo.stock().forceState("WH/MO/00013", MoState.DONE);
        odoo.stock().forceState("WH/MO/00014", MoState.CANCEL);
        odoo.stock().forceState("WH/MO/00020", MoState.PROGRESS);

        JsonNode result = list(Map.of());

        assertThat(ids(result)).containsExactly("WH/MO/00011", "WH/MO/00012", "WH/MO/00020", "WH/MO/00015",
                "WH/MO/00016", "WH/MO/00017", "WH/MO/00018", "WH/MO/00019");
        assertThat(result.path("count").asInt()).isEqualTo(8);
    }

    @Test
    void statesAsListOrCommaStringFilterTheList() {
        assertThat(ids(list(Map.of("states", List.of("progress"))))).containsExactly("WH/MO/00011", "WH/MO/00012");
        assertThat(ids(list(Map.of("states", "confirmed"))))
                .hasSize(8).doesNotContain("WH/MO/00011", "WH/MO/00012");
        assertThat(ids(list(Map.of("states", "confirmed, progress")))).hasSize(10);
        assertThat(ids(list(Map.of("states", List.of("in_progress"))))).isEmpty();
    }

    @Test
    void offsetAndLimitPageThroughTheList() {
        JsonNode page = list(Map.of("limit", 3, "offset", 1));

        assertThat(ids(page)).containsExactly("WH/MO/00012", "WH/MO/00013", "WH/MO/00014");
        assertThat(page.path("count").asInt()).isEqualTo(3);
        assertThat(ids(list(Map.of("limit", 5, "offset", 8)))).containsExactly("WH/MO/00019", "WH/MO/00020");
        assertThat(ids(list(Map.of("limit", 5, "offset", 10)))).isEmpty();
        assertThat(ids(list(Map.of("limit", 0, "offset", 2)))).hasSize(8);
    }

    @Test
    void ignoreStatesSwitchListsEveryStateLikeAMisbehavingAddon() {
        odoo.stock().forceState("WH/MO/00013", MoState.DONE);
        odoo.faults().ignoreStatesFilter(true);

        assertThat(ids(list(Map.of("states", List.of("confirmed"))))).hasSize(10).contains("WH/MO/00011", "WH/MO/00013");

        odoo.faults().ignoreStatesFilter(false);
        assertThat(ids(list(Map.of("states", List.of("confirmed"))))).hasSize(7).doesNotContain("WH/MO/00013");
    }

    @Test
    void listShowsWhatOdooHoldsAfterAnUpdate() {
        client.post(OdooEndpoint.MO_UPDATE, Map.of("mo_id", "WH/MO/00013", "quantity", 998.0, "silo103", 341.0));

        JsonNode progress = list(Map.of("states", "progress"));
        JsonNode mo = progress.path("data").get(2);

        assertThat(ids(progress)).containsExactly("WH/MO/00011", "WH/MO/00012", "WH/MO/00013");
        assertThat(mo.path("produced_qty").asDouble()).isEqualTo(998.0);
        assertThat(mo.path("components_consumption").get(0).path("consumed").asDouble()).isEqualTo(341.0);
    }
}
