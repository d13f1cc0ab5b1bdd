package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.MoState;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestBatches;
import io.odooplc.bridge.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ODOO_MARK_DONE=true with the addon: a batch is SYNCED only once its MO is done in Odoo. A failed mark-done keeps the
 * batch COMPLETED for a retry that posts again (replacing, not adding) and closes the MO; failing ODOO_MAX_ATTEMPTS
 * times, or refused by Odoo, it goes to NEEDS_ATTENTION with Odoo's answer.
 */
class ProcessCompletedMarkDoneTest {

    private static final String TOKEN = "task3-done-token-123";

    @Test
    void aBatchIsSyncedOnlyOnceItsMoIsDone() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.withSampleStock().start()) {
            Map<String, String> s = settings(odoo);
            try (RunningBridge bridge = RunningBridge.start(s)) {
                TestBatches batches = new TestBatches(s.get("DATABASE_URL"));
                long done = batches.completed("WH/MO/00013", new BigDecimal("1001"), Map.of("silo103", 340.0));
                assertThat(run(bridge)).contains("synced=1", "retry=0").endsWith("marked_done=1");
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.DONE);
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().finishedQty()).isEqualTo(1001.0);
                assertThat(odoo.calls(OdooEndpoint.MO_MARK_DONE).get(0).body().path("finished_qty").asDouble())
                        .isEqualTo(1001.0);
                assertThat(doneAt(s.get("DATABASE_URL"), done)).isTrue();

                odoo.faults().failNext(OdooEndpoint.MO_MARK_DONE, 1);
                long open = batches.completed("WH/MO/00014", new BigDecimal("999"), Map.of("silo103", 300.0));
                assertThat(run(bridge)).contains("synced=0", "retry=1").endsWith("marked_done=0");
                TestBatches.Row waiting = batches.row(open);
                assertThat(waiting.state()).as("posted but not closed: not SYNCED").isEqualTo("COMPLETED");
                assertThat(waiting.attempts()).isEqualTo(1);
                assertThat(waiting.lastError()).startsWith("mark-done: HTTP 500");
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().state()).isEqualTo(MoState.PROGRESS);
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().quantityDone("silo103")).isEqualTo(300.0);

                Thread.sleep(250);
                assertThat(run(bridge)).contains("synced=1").endsWith("marked_done=1");
                TestBatches.Row synced = batches.row(open);
                assertThat(synced.state()).isEqualTo("SYNCED");
                assertThat(synced.attempts()).isEqualTo(2);
                assertThat(synced.lastError()).isNull();
                assertThat(doneAt(s.get("DATABASE_URL"), open)).isTrue();
                assertThat(odoo.calls(OdooEndpoint.MO_UPDATE).stream()
                        .filter(c -> c.body().path("mo_id").asText().equals("WH/MO/00014"))).as("posted again")
                        .hasSize(2);
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().state()).isEqualTo(MoState.DONE);
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().quantityDone("silo103")).as("replaced, not added")
                        .isEqualTo(300.0);
            }
        }
    }

    @Test
    void aMarkDoneThatKeepsFailingOrIsRefusedNeedsAttention() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.withSampleStock().start()) {
            Map<String, String> s = settings(odoo);
            try (RunningBridge bridge = RunningBridge.start(s)) {
                TestBatches batches = new TestBatches(s.get("DATABASE_URL"));
                odoo.faults().failNext(OdooEndpoint.MO_MARK_DONE, 1);
                long failing = batches.completed("WH/MO/00013", new BigDecimal("1000"), Map.of("silo103", 340.0));
                // No finished weight: the addon refuses to close an MO without finished_qty, a business answer.
                long refused = batches.completed("WH/MO/00014", BigDecimal.ZERO, Map.of("silo103", 300.0));
                assertThat(run(bridge)).contains("synced=0", "retry=1", "needs_attention=1");
                TestBatches.Row refusedRow = batches.row(refused);
                assertThat(refusedRow.state()).isEqualTo("NEEDS_ATTENTION");
                assertThat(refusedRow.lastError()).isEqualTo("Odoo rejected mark-done: "
                        + "finished_qty must be a number greater than 0");
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().state()).isEqualTo(MoState.PROGRESS);

                odoo.faults().failNext(OdooEndpoint.MO_MARK_DONE, 1);
                Thread.sleep(250);
                assertThat(run(bridge)).contains("synced=0", "retry=0", "needs_attention=1");
                TestBatches.Row gaveUp = batches.row(failing);
                assertThat(gaveUp.state()).isEqualTo("NEEDS_ATTENTION");
                assertThat(gaveUp.attempts()).isEqualTo(2);
                assertThat(gaveUp.lastError()).startsWith("gave up after 2 attempts, last: mark-done: HTTP 500");
                assertThat(batches.events(failing)).containsExactly("null->COMPLETED", "COMPLETED->NEEDS_ATTENTION");
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.PROGRESS);
                assertThat(doneAt(s.get("DATABASE_URL"), failing)).isFalse();
            }
        }
    }

    /** Mark-done on, no retries within a call, a short backoff and two attempts per batch. */
    private static Map<String, String> settings(FakeOdoo odoo) {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        RunningBridge.useOdoo(s, odoo);
        s.put("ODOO_HTTP_RETRIES", "0");
        s.put("ODOO_MARK_DONE", "true");
        s.put("ODOO_RETRY_BACKOFF", "200ms");
        s.put("ODOO_MAX_ATTEMPTS", "2");
        return s;
    }

    private static String run(RunningBridge bridge) throws Exception {
        return new ObjectMapper().readTree(bridge.post("/api/tasks/task3-process-completed/run", TOKEN).body())
                .path("lastRun").path("counts").asText();
    }

    private static boolean doneAt(String db, long id) throws Exception {
        try (Connection c = TestDatabase.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select odoo_done_at is not null from batch where id = " + id)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
