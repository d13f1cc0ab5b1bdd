package io.odooplc.bridge.ops;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestBatches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The batches API over HTTP: filters and paging, detail, and the operator actions retry and cancel. */
class BatchApiTest {

    private static final String TOKEN = "batch-api-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningBridge bridge;
    private static TestBatches batches;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        bridge = RunningBridge.start(s);
        batches = new TestBatches(s.get("DATABASE_URL"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = bridge.get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    private static JsonNode post(String path, String token, int expectedStatus) throws Exception {
        HttpResponse<String> r = bridge.post(path, token);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    private static Map<String, Double> twoSilos() {
        Map<String, Double> a = new LinkedHashMap<>();
        a.put("silo101", 250.5);
        a.put("lq115", 12.0);
        return a;
    }

    private static long needingAttention(String mo) throws Exception {
        long id = batches.insert(mo, "NEEDS_ATTENTION", false, new BigDecimal("1000"), twoSilos());
        batches.execute("update batch set attempts = 10, last_error = 'gave up after 10 attempts' where id = " + id);
        return id;
    }

    @Test
    void listsFiltersByStateAndMoNameAndPages() throws Exception {
        long running = batches.insert("WH/MO/01001", "RUNNING", false, null, twoSilos());
        long attention = needingAttention("WH/MO/01002");
        long synced = batches.insert("WH/MO/01003", "SYNCED", false, new BigDecimal("990"), twoSilos());

        JsonNode all = get("/api/batches?mo=mo/0100", 200);
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("items")).extracting(b -> b.path("id").asLong()).containsExactly(synced, attention, running);

        JsonNode byState = get("/api/batches?state=needs_attention&mo=wh/mo/0100", 200);
        assertThat(byState.path("items")).singleElement().satisfies(b -> {
            assertThat(b.path("moName").asText()).isEqualTo("WH/MO/01002");
            assertThat(b.path("attempts").asInt()).isEqualTo(10);
            assertThat(b.path("lastError").asText()).isEqualTo("gave up after 10 attempts");
        });

        JsonNode first = get("/api/batches?mo=MO/0100&limit=2", 200);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("hasNext").asBoolean()).isTrue();
        JsonNode second = get("/api/batches?mo=MO/0100&limit=2&offset=2", 200);
        assertThat(second.path("items")).extracting(b -> b.path("id").asLong()).containsExactly(running);
        assertThat(second.path("hasNext").asBoolean()).isFalse();
    }

    @Test
    void badFiltersAreRejectedWithWhatIsAllowed() throws Exception {
        assertThat(get("/api/batches?state=DONE", 400).path("error").asText()).startsWith("state='DONE' is not one of");
        assertThat(get("/api/batches?limit=0", 400).path("error").asText()).contains("limit");
        assertThat(get("/api/batches?offset=-1", 400).path("error").asText()).contains("offset");
    }

    @Test
    void detailShowsComponentsHistoryAttemptsAndLastError() throws Exception {
        long id = needingAttention("WH/MO/02001");

        JsonNode b = get("/api/batches/" + id, 200);
        assertThat(b.path("moName").asText()).isEqualTo("WH/MO/02001");
        assertThat(b.path("state").asText()).isEqualTo("NEEDS_ATTENTION");
        assertThat(b.path("attempts").asInt()).isEqualTo(10);
        assertThat(b.path("lastError").asText()).isEqualTo("gave up after 10 attempts");
        assertThat(b.path("components")).hasSize(2);
        JsonNode silo = b.path("components").get(0);
        assertThat(silo.path("equipmentCode").asText()).isEqualTo("silo101");
        assertThat(silo.path("plannedKg").decimalValue()).isEqualByComparingTo("251.5");
        assertThat(silo.path("actualKg").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(b.path("events")).singleElement()
                .satisfies(e -> assertThat(e.path("toState").asText()).isEqualTo("NEEDS_ATTENTION"));

        get("/api/batches/999999", 404);
        get("/api/batches/abc", 404);
    }

    @Test
    void retryPutsANeedsAttentionBatchBackWithItsAttemptsReset() throws Exception {
        long id = needingAttention("WH/MO/03001");

        JsonNode r = post("/api/batches/" + id + "/retry", TOKEN, 200);

        assertThat(r.path("odooCalled").asBoolean()).isFalse();
        assertThat(r.path("batch").path("state").asText()).isEqualTo("COMPLETED");
        assertThat(r.path("batch").path("attempts").asInt()).isZero();
        assertThat(r.path("batch").path("nextAttemptAt").isNull()).isFalse();
        assertThat(batches.events(id)).containsExactly("null->NEEDS_ATTENTION", "NEEDS_ATTENTION->COMPLETED");
        assertThat(post("/api/batches/" + id + "/retry", TOKEN, 409).path("error").asText())
                .isEqualTo("batch " + id + " is COMPLETED: only a NEEDS_ATTENTION batch can be retried");
    }

    @Test
    void retryIsRefusedWhileAnotherActiveBatchHoldsTheSlot() throws Exception {
        long waiting = needingAttention("WH/MO/03101");
        long active = batches.insert("WH/MO/03102", "WRITTEN", false, null, twoSilos());
        batches.execute("update batch set slot = (select slot from batch where id = " + waiting + ") where id = "
                + active);

        assertThat(post("/api/batches/" + waiting + "/retry", TOKEN, 409).path("error").asText())
                .contains("another active batch holds its PLC slot");
        assertThat(batches.row(waiting).state()).isEqualTo("NEEDS_ATTENTION");
    }

    @Test
    void cancelEndsAnActiveOrNeedsAttentionBatchWithoutCallingOdoo() throws Exception {
        long running = batches.insert("WH/MO/04001", "RUNNING", false, null, twoSilos());
        long attention = needingAttention("WH/MO/04002");
        long synced = batches.insert("WH/MO/04003", "SYNCED", false, null, twoSilos());

        JsonNode r = post("/api/batches/" + running + "/cancel", TOKEN, 200);
        assertThat(r.path("message").asText()).isEqualTo("batch " + running
                + " is CANCELLED here; its MO in Odoo was not changed");
        assertThat(r.path("odooCalled").asBoolean()).isFalse();
        assertThat(batches.row(running).state()).isEqualTo("CANCELLED");
        post("/api/batches/" + attention + "/cancel", TOKEN, 200);
        assertThat(batches.row(attention).state()).isEqualTo("CANCELLED");

        post("/api/batches/" + synced + "/cancel", TOKEN, 409);
        assertThat(batches.row(synced).state()).isEqualTo("SYNCED");
        post("/api/batches/999999/cancel", TOKEN, 404);
        post("/api/batches/" + synced + "/explode", TOKEN, 404);
    }

    @Test
    void actionsNeedTheRightToken() throws Exception {
        long id = batches.insert("WH/MO/05001", "RUNNING", false, null, twoSilos());

        assertThat(post("/api/batches/" + id + "/cancel", null, 401).path("error").asText())
                .startsWith("missing 'Authorization: Bearer");
        assertThat(post("/api/batches/" + id + "/cancel", "not-the-token-at-all", 401).path("error").asText())
                .isEqualTo("wrong token");
        assertThat(batches.row(id).state()).isEqualTo("RUNNING");
        get("/api/batches?mo=05001", 200);
    }
}
