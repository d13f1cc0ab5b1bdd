package io.odooplc.bridge.failure;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.Plant;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ODOO_FAILURE_REPORTS=false with the SCADA addon: failures are stored and acknowledged as always, Odoo hears nothing
 * of them, and the log says so once, not per failure or per run.
 */
class FailureReportsOffTest {

    private static final String TASK = "task5-equipment-failure";

    @Test
    void failuresAreStoredAndAcknowledgedNotReportedAndTheLogSaysSoOnce() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), Duration.ofSeconds(30),
                Map.of("ODOO_FAILURE_REPORTS", "false"));
                LogCapture log = LogCapture.of(EquipmentFailure.class)) {
            plant.plc.plant().failures().raise("silo101", "START_FAILURE", LocalDateTime.of(2026, 2, 23, 20, 22, 35));
            shown(plant);
            JsonNode first = plant.run(TASK);
            plant.plc.plant().failures().raise("silo102", "SENSOR_ERROR", LocalDateTime.of(2026, 2, 24, 8, 0, 0));
            shown(plant);
            JsonNode second = plant.run(TASK);

            for (JsonNode run : new JsonNode[] {first, second}) {
                assertThat(run.get("run").asText()).as(run.toString()).isEqualTo("OK");
                assertThat(run.get("lastRun").get("counts").asText()).isEqualTo("read=1 stored=1 duplicate=0"
                        + " rejected=0 acked=1 reported=0 report_failed=0 report_rejected=0 deferred=0");
            }
            assertThat(plant.odoo.calls(OdooEndpoint.EQUIPMENT_FAILURE)).isEmpty();
            assertThat(plant.odoo.failureReports()).isEmpty();
            assertThat(plant.sql.strings("select equipment_code || ' ' || odoo_status || ' ' || odoo_attempts"
                    + " from equipment_failure order by id")).containsExactly("silo101 PENDING 0",
                    "silo102 PENDING 0");
            assertThat(plant.plc.image().get(8022)).as("the second failure acknowledged").isEqualTo(1);
            assertThat(log.count("failure reports to Odoo are off (ODOO_FAILURE_REPORTS=false)")).isEqualTo(1);
        }
    }

    private static void shown(Plant plant) throws InterruptedException {
        RunningBridge.await("the PLC to show the failure", Duration.ofSeconds(60),
                () -> plant.plc.plant().failures().waiting() == 0 && plant.plc.image().get(8022) == 0);
    }
}
