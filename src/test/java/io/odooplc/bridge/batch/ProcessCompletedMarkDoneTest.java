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

/** ODOO_MARK_DONE=true: after a successful post the MO is closed in Odoo; a failed mark-done leaves the batch SYNCED. */
class ProcessCompletedMarkDoneTest {

    private static final String TOKEN = "task3-done-token-123";

    @Test
    void marksTheMoDoneAfterThePostAndRecordsAFailedMarkDone() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.withSampleStock().start()) {
            Map<String, String> s = RunningBridge.testSettings();
            s.put("ADMIN_TOKEN", TOKEN);
            RunningBridge.useOdoo(s, odoo);
            s.put("ODOO_HTTP_RETRIES", "0");
            s.put("ODOO_MARK_DONE", "true");
            try (RunningBridge bridge = RunningBridge.start(s)) {
                TestBatches batches = new TestBatches(s.get("DATABASE_URL"));
                long done = batches.completed("WH/MO/00013", new BigDecimal("1001"), Map.of("silo103", 340.0));
                String counts = new ObjectMapper().readTree(bridge.post("/api/tasks/task3-process-completed/run",
                        TOKEN).body()).path("lastRun").path("counts").asText();
                assertThat(counts).contains("synced=1").endsWith("marked_done=1 mark_done_failed=0");
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.DONE);
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().finishedQty()).isEqualTo(1001.0);
                assertThat(odoo.calls(OdooEndpoint.MO_MARK_DONE).get(0).body().path("finished_qty").asDouble())
                        .isEqualTo(1001.0);
                assertThat(doneAt(s.get("DATABASE_URL"), done)).isTrue();

                odoo.faults().failNext(OdooEndpoint.MO_MARK_DONE, 1);
                long open = batches.completed("WH/MO/00014", new BigDecimal("999"), Map.of("silo103", 300.0));
                bridge.post("/api/tasks/task3-process-completed/run", TOKEN);
                TestBatches.Row row = batches.row(open);
                assertThat(row.state()).isEqualTo("SYNCED");
                assertThat(row.lastError()).startsWith("mark-done failed: HTTP 500");
                assertThat(doneAt(s.get("DATABASE_URL"), open)).isFalse();
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().state()).isEqualTo(MoState.PROGRESS);
            }
        }
    }

    private static boolean doneAt(String db, long id) throws Exception {
        try (Connection c = TestDatabase.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select odoo_done_at is not null from batch where id = " + id)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
