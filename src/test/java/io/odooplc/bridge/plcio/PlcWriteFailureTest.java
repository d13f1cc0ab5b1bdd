package io.odooplc.bridge.plcio;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PLC that reads fine but loses the writes: the run fails, the PLC health says so, and it recovers. */
class PlcWriteFailureTest {

    private static final Map<Integer, Integer> PLAN = Map.of(101, 300);

    @Test
    void aLostAcknowledgementWriteFailsTheRunAndTurnsPlcHealthDown() throws Exception {
        try (PlcBench bench = PlcBench.start(Duration.ofMillis(300))) {
            long id = bench.insertBatch(1, "WH/MO/00011", "WRITTEN", PLAN);
            bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00011", PLAN)));
            RunningBridge.await("the plant to finish the batch", Duration.ofSeconds(60),
                    () -> bench.sim.plant().finishedBatches() == 1);

            bench.sim.server().setDropWrites(true);
            JsonNode lost = bench.runTask2();
            assertThat(lost.get("run").asText()).as(lost.toString()).isEqualTo("FAILED");
            assertThat(bench.bridge.healthCheck("plc").get("status").asText()).isEqualTo("DOWN");
            assertThat(bench.sim.image().get(6076)).as("no acknowledgement reached the PLC").isZero();
            // The database kept the completion: the acknowledgement is written again on the next run.
            assertThat(bench.row("select state from batch where id = " + id)).isEqualTo("COMPLETED");

            bench.sim.server().setDropWrites(false);
            RunningBridge.await("a run that acknowledges the slot", Duration.ofSeconds(20),
                    () -> ok(bench) && bench.sim.image().get(6076) == 1);
            assertThat(bench.bridge.healthCheck("plc").get("status").asText()).isEqualTo("UP");
        }
    }

    private static boolean ok(PlcBench bench) {
        try {
            return "OK".equals(bench.runTask2().get("run").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
