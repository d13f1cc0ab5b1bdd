package io.odooplc.bridge.odoo.stock;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.stock.StockOdoo;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.StockPlant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task 5 on stock Odoo: without the Maintenance app a failure stays stored, the run and the row say why, it is offered
 * again only after the backoff, and reported once the app is installed; ODOO_FAILURE_REPORTS=false calls nothing.
 */
class StockFailureReportsTest {

    private static final String TASK = "task5-equipment-failure";

    @Test
    void withoutTheMaintenanceAppTheFailureWaitsForTheBackoffAndGoesOnceTheAppIsInstalled() throws Exception {
        StockOdoo odoo = StockOdoo.feedMillWithoutMaintenance(19, 1);
        // A backoff long enough that the second run surely comes before it has passed.
        try (StockPlant plant = StockPlant.start(odoo, Duration.ofSeconds(30), Map.of("ODOO_RETRY_BACKOFF", "4s",
                "ODOO_RETRY_BACKOFF_MAX", "4s"))) {
            raise(plant, "silo101");
            JsonNode first = plant.run(TASK);
            assertThat(first.get("run").asText()).as(first.toString()).isEqualTo("OK");
            assertThat(first.get("lastRun").get("counts").asText()).contains("stored=1", "acked=1", "reported=0",
                    "report_failed=1");
            assertThat(plant.sql.rows("select odoo_status, odoo_attempts, odoo_last_error,"
                    + " odoo_next_attempt_at > now() + interval '2 seconds' from equipment_failure"))
                    .singleElement().satisfies(r -> {
                        assertThat(r[0]).isEqualTo("PENDING");
                        assertThat(r[1]).isEqualTo("1");
                        assertThat(r[2]).contains("maintenance.equipment doesn't exist",
                                "the Maintenance app is not installed", "ODOO_FAILURE_REPORTS=false");
                        assertThat(r[3]).as("next attempt after the backoff").isEqualTo("t");
                    });
            int calls = odoo.calls().size();

            JsonNode tooSoon = plant.run(TASK);
            assertThat(tooSoon.get("lastRun").get("counts").asText()).contains("report_failed=0", "reported=0");
            assertThat(odoo.calls()).as("not offered again before the backoff").hasSize(calls);

            odoo.installMaintenance();
            plant.sql.exec("update equipment_failure set odoo_next_attempt_at = now()");
            JsonNode installed = plant.run(TASK);
            assertThat(installed.get("lastRun").get("counts").asText()).as(installed.toString())
                    .contains("reported=1");
            assertThat(odoo.seed().maintenanceRequests())
                    .containsExactly("PLC failure silo101: MOTOR_FAILURE | Silo A");
            assertThat(plant.sql.strings("select odoo_status || ' ' || odoo_attempts from equipment_failure"))
                    .containsExactly("SENT 2");
        }
    }

    @Test
    void reportsOffCallNothingOfOdoo() throws Exception {
        StockOdoo odoo = StockOdoo.feedMill(17, 1);
        try (StockPlant plant = StockPlant.start(odoo, Duration.ofSeconds(30),
                Map.of("ODOO_FAILURE_REPORTS", "false"))) {
            raise(plant, "silo101");
            JsonNode run = plant.run(TASK);

            assertThat(run.get("lastRun").get("counts").asText()).as(run.toString()).contains("stored=1", "acked=1",
                    "reported=0");
            assertThat(odoo.calls()).isEmpty();
            assertThat(odoo.seed().maintenanceRequests()).isEmpty();
            assertThat(plant.sql.strings("select odoo_status from equipment_failure")).containsExactly("PENDING");
        }
    }

    private static void raise(StockPlant plant, String code) throws InterruptedException {
        plant.plc.plant().failures().raise(code, "MOTOR_FAILURE", LocalDateTime.of(2026, 3, 4, 10, 48));
        RunningBridge.await("the PLC to show the failure", Duration.ofSeconds(60),
                () -> plant.plc.plant().failures().waiting() == 0);
    }
}
