package io.odooplc.bridge.plcio;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task 2 loses a race: an operator cancels the batch after the READ cycle selected it and before its guarded
 * statement runs. The statement changes nothing (CamelSqlUpdateCount 0): no values, no event, no acknowledgement.
 */
class Task2LostRaceTest {

    private static final Map<Integer, Integer> PLAN = Map.of(101, 300, 102, 200);

    @Test
    void aBatchCancelledMeanwhileGetsNothingFromTheCycle() throws Exception {
        try (PlcBench bench = PlcBench.start(Duration.ofMillis(300))) {
            long id = bench.insertBatch(1, "WH/MO/00041", "RUNNING", PLAN);
            bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00041", PLAN)));
            RunningBridge.await("the plant to finish the batch", Duration.ofSeconds(60),
                    () -> bench.sim.plant().finishedBatches() == 1);
            try (Connection operator = TestDatabase.connect(bench.db); Statement st = operator.createStatement()) {
                operator.setAutoCommit(false);
                st.execute("update batch set state = 'CANCELLED' where id = " + id);
                CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return bench.runTask2();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                RunningBridge.await("task 2's statement to wait for the operator's row lock", Duration.ofSeconds(30),
                        () -> waitingForLock(bench));
                operator.commit();
                JsonNode done = run.get();
                assertThat(done.get("run").asText()).as(done.toString()).isEqualTo("OK");
                assertThat(done.get("lastRun").get("counts").asText()).contains("matched=1", "completed=0",
                        "updated=0", "acked=0");
            }
            assertThat(bench.row("select state, last_plc_read_at, actual_weight_kg from batch where id = " + id))
                    .isEqualTo("CANCELLED|null|null");
            assertThat(bench.row("select count(*) from batch_event where batch_id = " + id)).isEqualTo("0");
            assertThat(bench.row("select count(actual_kg) from batch_component where batch_id = " + id))
                    .isEqualTo("0");
            assertThat(bench.sim.image().get(6076)).as("READ handshake D6076 not acknowledged").isZero();
        }
    }

    private static boolean waitingForLock(PlcBench bench) {
        try {
            return "1".equals(bench.row("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like '%for update%' and datname = current_database()"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
