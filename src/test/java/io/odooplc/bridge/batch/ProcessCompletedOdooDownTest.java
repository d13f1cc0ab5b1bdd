package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.MoState;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestBatches;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odoo down, then up: auto-cancel of a batch the PLC reported failed is retried with the backoff rules, the circuit
 * breaker turns the outage into one quick failure per run with no call reaching Odoo, and after the cool-down one
 * trial call closes it. The odoo health check follows.
 */
class ProcessCompletedOdooDownTest {

    private static final String TOKEN = "task3-down-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(RunningBridge bridge) throws Exception {
        HttpResponse<String> r = bridge.post("/api/tasks/task3-process-completed/run", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("lastRun").path("counts").asText();
    }

    @Test
    void autoCancelWaitsOutAnOutageBehindAnOpenCircuitThenCancels() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.withSampleStock().start()) {
            Map<String, String> s = RunningBridge.testSettings();
            s.put("ADMIN_TOKEN", TOKEN);
            RunningBridge.useOdoo(s, odoo);
            s.put("ODOO_CONNECT_TIMEOUT", "500ms");
            s.put("ODOO_HTTP_RETRIES", "0");
            s.put("ODOO_CIRCUIT_FAILURES", "1");
            // Long enough that the run right after the outage surely comes while the circuit is still open.
            s.put("ODOO_CIRCUIT_COOLDOWN", "5s");
            s.put("ODOO_RETRY_BACKOFF", "200ms");
            try (RunningBridge bridge = RunningBridge.start(s)) {
                TestBatches batches = new TestBatches(s.get("DATABASE_URL"));
                long failed = batches.insert("WH/MO/00013", "RUNNING", true, null, Map.of("silo103", 120.0));
                long completed = batches.completed("WH/MO/00014", new BigDecimal("998"), Map.of("silo103", 300.0));
                odoo.stop();

                assertThat(run(bridge)).isEqualTo("due=1 synced=0 retry=1 needs_attention=0 cancel_due=1 cancelled=0"
                        + " deferred=1");
                TestBatches.Row waiting = batches.row(failed);
                assertThat(waiting.state()).isEqualTo("RUNNING");
                assertThat(waiting.attempts()).isEqualTo(1);
                assertThat(waiting.lastError()).startsWith("cancel: cannot reach " + odoo.url());
                TestBatches.Row deferred = batches.row(completed);
                assertThat(deferred.attempts()).as("nothing was sent, so no attempt was used").isZero();
                assertThat(deferred.lastError()).startsWith("Odoo circuit open after 1 failed calls in a row");
                assertThat(bridge.healthCheck("odoo").path("status").asText()).isEqualTo("DOWN");

                odoo.restart();
                odoo.clearCalls();
                Thread.sleep(250); // ODOO_RETRY_BACKOFF: the failed batch is due again, the circuit still open
                String refused = "due=1 synced=0 retry=0 needs_attention=0 cancel_due=1 cancelled=0 deferred=2";
                assertThat(run(bridge)).as("circuit still open: one quick failure, nothing sent").isEqualTo(refused);
                assertThat(odoo.calls()).isEmpty();

                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String after = run(bridge);
                while (after.equals(refused)) {
                    assertThat(odoo.calls()).as("nothing sent while the circuit is open").isEmpty();
                    assertThat(System.nanoTime()).as("the cool-down over within 60 s").isLessThan(end);
                    Thread.sleep(100);
                    after = run(bridge);
                }
                assertThat(after).isEqualTo("due=1 synced=1 retry=0 needs_attention=0 cancel_due=1 cancelled=1"
                        + " deferred=0");
                TestBatches.Row cancelled = batches.row(failed);
                assertThat(cancelled.state()).isEqualTo("CANCELLED");
                assertThat(cancelled.odooCancelled()).isTrue();
                assertThat(batches.events(failed)).containsExactly("null->RUNNING", "RUNNING->CANCELLED");
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CANCEL);
                assertThat(odoo.mo("WH/MO/00013").orElseThrow().quantityDone("silo103"))
                        .as("a failed batch's consumption is never posted").isZero();
                assertThat(batches.row(completed).state()).isEqualTo("SYNCED");
                assertThat(odoo.mo("WH/MO/00014").orElseThrow().quantityDone("silo103")).isEqualTo(300.0);
                assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).hasSize(1);
                JsonNode health = bridge.healthCheck("odoo");
                assertThat(health.path("status").asText()).isEqualTo("UP");
            }
        }
    }

    @Test
    void cancellingAnMoOdooAlreadyCancelledIsASuccess() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.withSampleStock().start()) {
            odoo.stock().forceState("WH/MO/00015", MoState.CANCEL);
            Map<String, String> s = RunningBridge.testSettings();
            s.put("ADMIN_TOKEN", TOKEN);
            RunningBridge.useOdoo(s, odoo);
            try (RunningBridge bridge = RunningBridge.start(s)) {
                TestBatches batches = new TestBatches(s.get("DATABASE_URL"));
                long failed = batches.insert("WH/MO/00015", "WRITTEN", true, null, Map.of());

                assertThat(run(bridge)).contains("cancel_due=1 cancelled=1");
                assertThat(batches.row(failed).state()).isEqualTo("CANCELLED");
                assertThat(batches.row(failed).odooCancelled()).isTrue();
            }
        }
    }
}
