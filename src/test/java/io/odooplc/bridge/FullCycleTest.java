package io.odooplc.bridge;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.MoSnapshot;
import io.odooplc.bridge.support.Plant;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odoo MOs -> recipes in the PLC -> the plant runs them -> task 2 reads -> task 3 posts -> Odoo holds the PLC's
 * actuals -> every batch SYNCED -> task 1 fetches the next MOs.
 */
class FullCycleTest {

    @Test
    void tenMosGoAllTheWayAndTheNextOnesFollowOverModbus() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withGeneratedStock(30, 7), Duration.ofMillis(300), Map.of())) {
            fullCycle(plant);
        }
    }

    @ParameterizedTest(name = "FINS/{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void theSameCycleOverOmronFinsWithTheLegacySettings(String transport) throws Exception {
        try (Plant plant = Plant.startFins(transport, FakeOdoo.withGeneratedStock(30, 7), Duration.ofMillis(300),
                Map.of())) {
            assertThat(plant.bridge.settings().plcUrl()).startsWith("fins:" + transport + "://127.0.0.1:");
            fullCycle(plant);
            assertThat(plant.plc.fins().commandsReceived()).isPositive();
            assertThat(plant.plc.server().requestsServed()).as("no Modbus traffic").isZero();
        }
    }

    private static void fullCycle(Plant plant) throws Exception {
        {
            JsonNode first = plant.run("task1-mo-sync");
            assertThat(first.get("run").asText()).as(first.toString()).isEqualTo("OK");
            assertThat(first.get("lastRun").get("counts").asText()).contains("staged=10", "written=10");
            assertThat(plant.count("state = 'WRITTEN'")).isEqualTo(10);
            String slot1 = plant.sql.batchMo(1);
            // The recipe's MO name is in WRITE slot 1 as the legacy encodes it: two characters per word.
            assertThat(plant.plc.image().get(7001)).isEqualTo((slot1.charAt(0) << 8) | slot1.charAt(1));

            RunningBridge.await("the plant to run all ten batches", Duration.ofSeconds(30),
                    () -> plant.plc.plant().finishedBatches() == 10);
            JsonNode read = plant.run("task2-plc-read");
            assertThat(read.get("lastRun").get("counts").asText()).contains("completed=10", "acked=10");

            JsonNode post = plant.run("task3-process-completed");
            assertThat(post.get("lastRun").get("counts").asText()).contains("synced=10");
            assertThat(plant.count("state = 'SYNCED'")).isEqualTo(10);
            for (String mo : plant.sql.strings("select mo_name from batch")) {
                MoSnapshot inOdoo = plant.odoo.mo(mo).orElseThrow();
                for (String[] c : plant.sql.rows("select c.equipment_code, c.actual_kg from batch_component c"
                        + " join batch b on b.id = c.batch_id where b.mo_name = '" + mo + "' and c.actual_kg > 0")) {
                    assertThat(inOdoo.quantityDone(c[0])).as("%s %s in Odoo", mo, c[0])
                            .isEqualTo(Double.parseDouble(c[1]));
                }
            }

            JsonNode next = plant.run("task1-mo-sync");
            assertThat(next.get("lastRun").get("counts").asText()).contains("on_plc=0", "written=10");
            assertThat(plant.count("state = 'WRITTEN'")).isEqualTo(10);
            assertThat(plant.count("true")).isEqualTo(20);
        }
    }
}
