package io.odooplc.bridge.plcio;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.PlcSimulator;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Task 2 against the simulated PLC over Modbus TCP and a real PostgreSQL: a whole batch, start to acknowledgement. */
class Task2PlcReadTest {

    private static final Map<Integer, Integer> PLAN = Map.of(101, 300, 102, 200, 114, 20);

    @Test
    void aBatchRunsCompletesIsAcknowledgedAndIsNeverOverwritten() throws Exception {
        try (PlcBench bench = PlcBench.start(Duration.ofMillis(1500))) {
            long id = bench.insertBatch(1, "WH/MO/00011", "WRITTEN", PLAN);
            assertThat(bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00011", PLAN)))).isEqualTo(1);
            RunningBridge.await("the plant to start the batch", Duration.ofSeconds(60),
                    () -> bench.sim.plant().runningSlot().isPresent());
            // The plant holds still while task 2 reads, so a slow machine cannot let the batch finish meanwhile.
            bench.sim.plant().stop();

            JsonNode running = bench.runTask2();
            assertThat(running.get("run").asText()).isEqualTo("OK");
            assertThat(running.get("lastRun").get("counts").asText())
                    .contains("slots=10", "matched=1", "running=1", "completed=0", "rejected=0", "idle=9");
            assertThat(bench.row("select state, last_plc_read_at is not null from batch where id = " + id))
                    .isEqualTo("RUNNING|t");

            bench.sim.plant().start(PlcSimulator.DEFAULT_TICK);
            RunningBridge.await("the plant to finish the batch", Duration.ofSeconds(60),
                    () -> bench.sim.plant().finishedBatches() == 1);
            assertThat(bench.sim.image().get(6076)).isZero();
            JsonNode done = bench.runTask2();
            assertThat(done.get("lastRun").get("counts").asText()).contains("completed=1", "acked=1");
            assertThat(bench.row("select state from batch where id = " + id)).isEqualTo("COMPLETED");
            for (int equipment : PLAN.keySet()) {
                assertThat(bench.row("select actual_kg from batch_component where batch_id = " + id
                        + " and equipment_id = " + equipment))
                        .isEqualTo(bench.simActualKg(1, equipment).setScale(3).toPlainString());
            }
            assertThat(bench.sim.image().get(6076)).as("READ handshake D6076").isEqualTo(1);
            String weight = bench.row("select actual_weight_kg from batch where id = " + id);
            assertThat(Double.parseDouble(weight)).isGreaterThan(400);

            // The PLC changes its words afterwards: the completed batch keeps what it had (plant-contract #12).
            bench.sim.image().write(6028, 0, 99);
            JsonNode later = bench.runTask2();
            assertThat(later.get("lastRun").get("counts").asText()).contains("matched=1", "updated=0", "acked=0");
            assertThat(bench.row("select actual_kg from batch_component where batch_id = " + id
                    + " and equipment_id = 101")).isNotEqualTo("0.990");
            assertThat(bench.row("select count(*) from batch_event where batch_id = " + id)).isEqualTo("2");
        }
    }
}
