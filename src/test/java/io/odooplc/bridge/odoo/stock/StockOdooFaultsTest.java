package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.stock.StockOdoo;
import io.odooplc.bridge.sim.stock.StockOdooSeed.Component;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.StockPlant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ODOO_API=stock when stock Odoo does not simply say yes: bad credentials, a version the bridge does not speak, a unit
 * that is no weight, serialization failures, a business error, a post repeated after a crash, failure reports with
 * and without the Maintenance app.
 */
class StockOdooFaultsTest {

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(ints = {17, 19})
    void badCredentialsStopTheRunNamingUserAndDatabaseNotThePassword(int major) throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMill(major, 3), Duration.ofMillis(300),
                Map.of("ODOO_PASSWORD", "wrong-secret-pw"))) {
            JsonNode run = plant.run("task1-mo-sync");

            assertThat(run.get("run").asText()).isEqualTo("FAILED");
            assertThat(run.get("lastRun").get("error").asText()).contains("ODOO_USERNAME='bridge'",
                    "ODOO_DB='mill'").doesNotContain("wrong-secret-pw");
            assertThat(plant.count("true")).isZero();
            assertThat(plant.odoo.calls()).as("no model method called").isEmpty();
        }
    }

    @Test
    void http500IsTriedAgainWithinTheCall() throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMill(16, 3), Duration.ofMillis(300), Map.of())) {
            plant.odoo.failNext("mrp.production.search_read", 2, StockOdoo.Fault.HTTP_500);
            JsonNode run = plant.run("task1-mo-sync");

            assertThat(run.get("run").asText()).as(run.toString()).isEqualTo("OK");
            assertThat(run.get("lastRun").get("counts").asText()).contains("staged=3");
            assertThat(plant.odoo.calls().stream().filter("mrp.production.search_read"::equals)).hasSize(3);
            assertThat(plant.bridge.management("/observe/metrics").body()).contains(
                    "bridge_odoo_calls_total{endpoint=\"/jsonrpc mrp.production.search_read\",outcome=\"http_error\"} 2.0");
        }
    }

    @Test
    void aVersionBefore14IsRefusedWithWhatIsSpoken() throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMill(13, 3), Duration.ofMillis(300), Map.of())) {
            JsonNode run = plant.run("task1-mo-sync");

            assertThat(run.get("run").asText()).isEqualTo("FAILED");
            assertThat(run.get("lastRun").get("error").asText()).contains("version '13.0'", "Odoo 14 and later");
            assertThat(plant.odoo.calls()).isEmpty();
        }
    }

    /**
     * Odoo 14: an MO with a unit that is no weight is not staged; serialization failures are tried again within the
     * call; a move whose reservation is split over two move lines is refused by Odoo 14 (business error: that batch
     * NEEDS_ATTENTION with Odoo's message); a mark-done answered by a wizard is no success (the MO stays open, the batch
     * says why); a post repeated after a crash leaves the quantities as they were; failures
     * become maintenance requests, with or without a maintenance equipment of that code.
     */
    @Test
    void odoo14RefusalsRetriesAndARepeatedPost() throws Exception {
        StockOdoo odoo = StockOdoo.feedMill(14, 9);
        String inUnits = odoo.seed().addMo(1000, "kg", List.of(new Component("40101", 900, "kg"),
                new Component("40114", 4, "Units")));
        odoo.seed().splitReservation("WH/MO/00002", "40102");
        odoo.seed().trackWithoutLot("WH/MO/00001");
        try (StockPlant plant = StockPlant.start(odoo, Duration.ofMillis(300), Map.of("ODOO_MARK_DONE", "true"))) {
            JsonNode sync = plant.run("task1-mo-sync");
            assertThat(sync.get("lastRun").get("counts").asText()).as(sync.toString())
                    .contains("listed=10", "skipped=1", "staged=9");
            assertThat(plant.count("mo_name = '" + inUnits + "'")).isZero();

            RunningBridge.await("the plant to run the nine batches", Duration.ofSeconds(30),
                    () -> plant.plc.plant().finishedBatches() == 9);
            plant.run("task2-plc-read");
            odoo.failNext("stock.move.write", 2, StockOdoo.Fault.SERIALIZATION);
            JsonNode post = plant.run("task3-process-completed");
            assertThat(post.get("lastRun").get("counts").asText()).as(post.toString())
                    .contains("synced=8", "needs_attention=1", "marked_done=7", "mark_done_failed=1");
            assertThat(odoo.state("WH/MO/00003")).isEqualTo("done");
            assertThat(odoo.state("WH/MO/00001")).isEqualTo("confirmed");
            assertThat(plant.sql.strings("select last_error from batch where mo_name = 'WH/MO/00001'").get(0))
                    .contains("mark-done failed", "not closed", "mrp.batch.produce");
            assertThat(plant.sql.strings("select last_error from batch where mo_name = 'WH/MO/00002'").get(0))
                    .contains("Cannot set the done quantity from this stock move");

            String mo = "WH/MO/00001";
            BigDecimal silo = odoo.seed().done(mo, "40101");
            BigDecimal produced = odoo.qtyProducing(mo);
            assertThat(silo).isPositive();
            long writes = odoo.calls().stream().filter("stock.move.write"::equals).count();
            // The crash: Odoo took the post, the bridge died before recording SYNCED.
            plant.sql.exec("update batch set state = 'COMPLETED', synced_at = null where mo_name = '" + mo + "'");
            JsonNode again = plant.run("task3-process-completed");
            assertThat(again.get("lastRun").get("counts").asText()).contains("synced=1");
            assertThat(odoo.calls().stream().filter("stock.move.write"::equals).count()).isGreaterThan(writes);
            assertThat(odoo.seed().done(mo, "40101")).as("replaced, not added").isEqualByComparingTo(silo);
            assertThat(odoo.qtyProducing(mo)).isEqualByComparingTo(produced);

            plant.plc.plant().failures().raise("silo101", "MOTOR_FAILURE", LocalDateTime.of(2026, 3, 4, 10, 48));
            shown(plant);
            plant.run("task5-equipment-failure");
            plant.plc.plant().failures().raise("lq114", "SENSOR_ERROR", LocalDateTime.of(2026, 3, 4, 11, 0));
            shown(plant);
            JsonNode report = plant.run("task5-equipment-failure");
            assertThat(report.get("run").asText()).as(report.toString()).isEqualTo("OK");
            assertThat(odoo.seed().maintenanceRequests()).containsExactly(
                    "PLC failure silo101: MOTOR_FAILURE | Silo A", "PLC failure lq114: SENSOR_ERROR | no equipment");
        }
    }

    @Test
    void withoutTheMaintenanceAppAFailureStaysPendingAndSaysWhy() throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMillWithoutMaintenance(17, 1), Duration.ofMillis(300),
                Map.of())) {
            plant.plc.plant().failures().raise("silo101", "MOTOR_FAILURE", LocalDateTime.of(2026, 3, 4, 10, 48));
            shown(plant);
            JsonNode run = plant.run("task5-equipment-failure");

            assertThat(run.get("run").asText()).as(run.toString()).isEqualTo("OK");
            assertThat(plant.sql.rows("select odoo_status, odoo_last_error from equipment_failure"))
                    .singleElement().satisfies(r -> {
                        assertThat(r[0]).isEqualTo("PENDING");
                        assertThat(r[1]).contains("maintenance.equipment doesn't exist");
                    });
        }
    }

    /** The PLC shows a raised failure in its failure area at its next tick, once the last one was acknowledged. */
    private static void shown(StockPlant plant) throws InterruptedException {
        RunningBridge.await("the PLC to show the failure", Duration.ofSeconds(10),
                () -> plant.plc.plant().failures().waiting() == 0);
    }
}
