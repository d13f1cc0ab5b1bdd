package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.MoSnapshot;
import io.odooplc.bridge.sim.MoState;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestBatches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task 3 end to end: the real bridge on embedded PostgreSQL posts completed batches to the fake Odoo over HTTP, with
 * the fake's fault switches. Backoffs are 2 s here, long enough that the run right after a failure surely comes before
 * it ends on a loaded machine; the circuit never opens in this class (see {@link ProcessCompletedOdooDownTest}).
 */
class ProcessCompletedTest {

    private static final String TOKEN = "task3-test-token-123";
    private static final String RUN = "/api/tasks/task3-process-completed/run";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal WEIGHT = new BigDecimal("1002.5");

    private static FakeOdoo odoo;
    private static RunningBridge bridge;
    private static TestBatches batches;
    private static int moCounter = 100;

    @BeforeAll
    static void start() throws Exception {
        odoo = FakeOdoo.withSampleStock().start();
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        RunningBridge.useOdoo(s, odoo);
        s.put("ODOO_TIMEOUT", "3s");
        s.put("ODOO_HTTP_RETRIES", "1");
        s.put("ODOO_HTTP_RETRY_DELAY", "20ms");
        s.put("ODOO_CIRCUIT_FAILURES", "1000");
        s.put("ODOO_RETRY_BACKOFF", "2s");
        s.put("ODOO_RETRY_BACKOFF_MAX", "4s");
        s.put("ODOO_MAX_ATTEMPTS", "3");
        bridge = RunningBridge.start(s);
        batches = new TestBatches(s.get("DATABASE_URL"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
        odoo.close();
    }

    @BeforeEach
    void clean() throws Exception {
        batches.retireAll();
        odoo.faults().clear();
        odoo.clearCalls();
    }

    /** A new MO in Odoo with moves on silo101, silo102 and lq114, and its COMPLETED batch with actuals. */
    private static String newMo() {
        String mo = "WH/MO/" + String.format("%05d", ++moCounter);
        odoo.stock().newMo(mo).component("[40025] POLLAR ANGSA", 300.0, "silo101")
                .component("[40010] JAGUNG", 200.0, "silo102").component("TETES", 40.0, "lq114")
                .component("CaCO3", 30.0, "PLC01").add();
        return mo;
    }

    private static Map<String, Double> actuals() {
        Map<String, Double> a = new LinkedHashMap<>();
        a.put("silo101", 301.25);
        a.put("silo102", 198.5);
        a.put("lq114", 40.0);
        return a;
    }

    private static void assertOdooHoldsTheActuals(String mo) {
        MoSnapshot held = odoo.mo(mo).orElseThrow();
        assertThat(held.quantityDone("silo101")).isEqualTo(301.25);
        assertThat(held.quantityDone("silo102")).isEqualTo(198.5);
        assertThat(held.quantityDone("lq114")).isEqualTo(40.0);
        assertThat(held.finishedQty()).isEqualTo(1002.5);
    }

    /** Runs task 3 now and returns the run's counts line. */
    private static String run() throws Exception {
        HttpResponse<String> r = bridge.post(RUN, TOKEN);
        JsonNode body = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo("FAILED".equals(body.path("run").asText()) ? 502 : 200);
        return body.path("lastRun").path("counts").asText() + " outcome=" + body.path("run").asText();
    }

    /** Runs task 3 until a run finds a batch due again, its backoff over; that run's counts line. */
    private static String runOnceDue() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line = run();
        while (line.startsWith("due=0")) {
            assertThat(System.nanoTime()).as("a batch due again within 60 s").isLessThan(end);
            Thread.sleep(100);
            line = run();
        }
        return line;
    }

    @Test
    void aCompletedBatchIsPostedAndSynced() throws Exception {
        String mo = newMo();
        long id = batches.completed(mo, WEIGHT, actuals());

        assertThat(run()).startsWith("due=1 synced=1 retry=0 needs_attention=0 cancel_due=0 cancelled=0 deferred=0")
                .endsWith("outcome=OK");

        assertOdooHoldsTheActuals(mo);
        assertThat(odoo.mo(mo).orElseThrow().state()).isEqualTo(MoState.PROGRESS);
        JsonNode sent = odoo.calls(OdooEndpoint.MO_UPDATE).get(0).body();
        assertThat(sent.toString()).isEqualTo("{\"mo_id\":\"" + mo + "\",\"quantity\":1002.5,\"silo101\":301.25,"
                + "\"silo102\":198.5,\"lq114\":40.0}");
        TestBatches.Row row = batches.row(id);
        assertThat(row.state()).isEqualTo("SYNCED");
        assertThat(row.synced()).isTrue();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(batches.events(id)).containsExactly("null->COMPLETED", "COMPLETED->SYNCED");
        assertThat(odoo.calls(OdooEndpoint.MO_MARK_DONE)).as("ODOO_MARK_DONE is off by default").isEmpty();
        assertThat(run()).as("a synced batch is not posted again").startsWith("due=0 synced=0");
        String metrics = bridge.management("/observe/metrics").body();
        assertThat(metrics).contains("bridge_odoo_calls_total{endpoint=\"/api/scada/mo/update-with-consumptions\","
                + "outcome=\"success\"")
                .contains("bridge_odoo_call_seconds_count{endpoint=\"/api/scada/mo/update-with-consumptions\"");
    }

    @Test
    void http500IsRetriedAfterTheBackoffAndOdooEndsWithTheActualsOnce() throws Exception {
        String mo = newMo();
        long id = batches.completed(mo, WEIGHT, actuals());
        odoo.faults().failNext(OdooEndpoint.MO_UPDATE, 2);

        assertThat(run()).startsWith("due=1 synced=0 retry=1 needs_attention=0");
        TestBatches.Row failed = batches.row(id);
        assertThat(failed.state()).isEqualTo("COMPLETED");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptSet()).isTrue();
        assertThat(failed.lastError()).isEqualTo("update-with-consumptions: HTTP 500 from " + odoo.url()
                + "/api/scada/mo/update-with-consumptions (after 2 tries)");
        assertThat(run()).as("not due before its backoff has passed").startsWith("due=0 synced=0");

        assertThat(runOnceDue()).startsWith("due=1 synced=1 retry=0");
        assertOdooHoldsTheActuals(mo);
        assertThat(odoo.calls(OdooEndpoint.MO_UPDATE)).hasSize(3);
        TestBatches.Row synced = batches.row(id);
        assertThat(synced.state()).isEqualTo("SYNCED");
        assertThat(synced.attempts()).isEqualTo(2);
        assertThat(synced.lastError()).isNull();
    }

    @Test
    void aSlowOdooTimesOutAndTheRetryLeavesTheSameValues() throws Exception {
        String mo = newMo();
        long id = batches.completed(mo, WEIGHT, actuals());
        // Longer than ODOO_TIMEOUT: the bridge gives up on the answer, yet Odoo takes the post a second later.
        odoo.faults().delay(OdooEndpoint.MO_UPDATE, Duration.ofSeconds(4));

        assertThat(run()).startsWith("due=1 synced=0 retry=1");
        assertThat(batches.row(id).lastError()).isEqualTo("update-with-consumptions: no answer from " + odoo.url()
                + "/api/scada/mo/update-with-consumptions within 3000 ms");

        odoo.faults().clear();
        assertThat(runOnceDue()).startsWith("due=1 synced=1");
        RunningBridge.await("the slow post to reach Odoo too", Duration.ofSeconds(60),
                () -> odoo.calls(OdooEndpoint.MO_UPDATE).size() == 2);
        assertOdooHoldsTheActuals(mo);
        assertThat(batches.row(id).state()).isEqualTo("SYNCED");
    }

    @Test
    void aPartialSuccessIsRetriedUntilOdooTakesEverything() throws Exception {
        String mo = newMo();
        long id = batches.completed(mo, WEIGHT, actuals());
        odoo.faults().forcePartialErrors(true);

        assertThat(run()).startsWith("due=1 synced=0 retry=1");
        assertThat(batches.row(id).lastError())
                .isEqualTo("update-with-consumptions: partial success: silo999: Equipment not found");

        odoo.faults().forcePartialErrors(false);
        assertThat(runOnceDue()).startsWith("due=1 synced=1");
        assertOdooHoldsTheActuals(mo);
    }

    @Test
    void anUnknownMoNeedsAttentionAtOnceAndNoLongerCountsAsActive() throws Exception {
        long id = batches.completed("WH/MO/99999", WEIGHT, actuals());

        assertThat(run()).startsWith("due=1 synced=0 retry=0 needs_attention=1");

        TestBatches.Row row = batches.row(id);
        assertThat(row.state()).isEqualTo("NEEDS_ATTENTION");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo(
                "Odoo rejected update-with-consumptions: Manufacturing Order \"WH/MO/99999\" not found");
        assertThat(batches.count("id = " + id + " and state in " + BatchState.ACTIVE_SQL)).isZero();
        JsonNode listed = JSON.readTree(bridge.get("/api/batches?state=NEEDS_ATTENTION&mo=99999").body());
        assertThat(listed.path("items")).singleElement()
                .satisfies(b -> assertThat(b.path("lastError").asText()).contains("not found"));
        assertThat(run()).as("never posted again by itself").startsWith("due=0");
    }

    @Test
    void aDoneMoNeedsAttentionAtOnce() throws Exception {
        String mo = newMo();
        odoo.stock().forceState(mo, MoState.DONE);
        long id = batches.completed(mo, WEIGHT, actuals());

        assertThat(run()).startsWith("due=1 synced=0 retry=0 needs_attention=1");
        assertThat(batches.row(id).lastError()).isEqualTo("Odoo rejected update-with-consumptions: Cannot update MO \""
                + mo + "\" in state \"done\"");
        assertThat(odoo.mo(mo).orElseThrow().quantityDone("silo101")).isZero();
    }

    @Test
    void aBatchWithoutActualConsumptionNeedsAttentionWithoutCallingOdoo() throws Exception {
        String mo = newMo();
        Map<String, Double> zeros = Map.of("silo101", 0.0, "silo102", 0.0);
        long id = batches.completed(mo, WEIGHT, zeros);

        assertThat(run()).startsWith("due=1 synced=0 retry=0 needs_attention=1");
        assertThat(batches.row(id).state()).isEqualTo("NEEDS_ATTENTION");
        assertThat(batches.row(id).lastError()).isEqualTo("no actual consumption above 0 kg: nothing to post to Odoo");
        assertThat(odoo.calls()).isEmpty();
    }

    @Test
    void afterMaxAttemptsTheBatchNeedsAttention() throws Exception {
        String mo = newMo();
        long id = batches.completed(mo, WEIGHT, actuals());
        odoo.faults().failAlways(OdooEndpoint.MO_UPDATE);

        assertThat(run()).startsWith("due=1 synced=0 retry=1");
        assertThat(runOnceDue()).startsWith("due=1 synced=0 retry=1");
        assertThat(batches.row(id).attempts()).isEqualTo(2);
        assertThat(runOnceDue()).startsWith("due=1 synced=0 retry=0 needs_attention=1");

        TestBatches.Row row = batches.row(id);
        assertThat(row.state()).isEqualTo("NEEDS_ATTENTION");
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).startsWith("gave up after 3 attempts, last: update-with-consumptions: HTTP 500");
        assertThat(batches.count("id = " + id + " and state in " + BatchState.ACTIVE_SQL)).isZero();
    }

    @Test
    void anExpiredSessionCostsOneNewLoginAndNoFailure() throws Exception {
        String first = newMo();
        batches.completed(first, WEIGHT, actuals());
        assertThat(run()).startsWith("due=1 synced=1");
        int logins = odoo.calls(OdooEndpoint.SCADA_AUTHENTICATE).size() + odoo.calls(OdooEndpoint.WEB_AUTHENTICATE).size();

        odoo.expireSessions();
        String second = newMo();
        String third = newMo();
        batches.completed(second, WEIGHT, actuals());
        batches.completed(third, WEIGHT, actuals());
        assertThat(run()).startsWith("due=2 synced=2 retry=0 needs_attention=0");

        int loginsAfter = odoo.calls(OdooEndpoint.SCADA_AUTHENTICATE).size()
                + odoo.calls(OdooEndpoint.WEB_AUTHENTICATE).size();
        assertThat(loginsAfter - logins).isEqualTo(1);
        assertOdooHoldsTheActuals(second);
        assertOdooHoldsTheActuals(third);
    }

    @Test
    void aCrashBetweenOdoosSuccessAndTheCommitIsRepairedByPostingTheSameValuesAgain() throws Exception {
        String mo = newMo();
        long id = batches.completed(mo, WEIGHT, actuals());
        // The SYNCED update fails once, after Odoo has already taken the values: a crash before the commit.
        batches.execute("create sequence crash_once");
        batches.execute("""
                create function crash_before_commit() returns trigger language plpgsql as $$
                begin
                  if new.state = 'SYNCED' and nextval('crash_once') = 1 then
                    raise exception 'simulated crash before the commit';
                  end if;
                  return new;
                end $$""");
        batches.execute("create trigger crash_before_commit before update on batch for each row"
                + " execute function crash_before_commit()");
        try {
            assertThat(run()).endsWith("outcome=FAILED");
            assertThat(batches.row(id).state()).isEqualTo("COMPLETED");
            assertOdooHoldsTheActuals(mo);

            assertThat(run()).startsWith("due=1 synced=1").endsWith("outcome=OK");
        } finally {
            batches.execute("drop trigger crash_before_commit on batch");
        }
        assertOdooHoldsTheActuals(mo);
        assertThat(odoo.calls(OdooEndpoint.MO_UPDATE)).hasSize(2);
        assertThat(batches.count("mo_name = '" + mo + "' and state = 'SYNCED'")).isEqualTo(1);
        assertThat(batches.events(id)).containsExactly("null->COMPLETED", "COMPLETED->SYNCED");
    }
}
