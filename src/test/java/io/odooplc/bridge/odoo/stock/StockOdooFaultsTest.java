package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
     * call; a move whose reservation is split over two move lines, which Odoo 14 refuses a done quantity on, gets it
     * on its lines (all on the first); ODOO_UNMAPPED_COMPONENTS=zero consumes nothing of the premix; a mark-done answered by a wizard is no success: the batch stays COMPLETED
     * and is retried, the post repeated (quantities replaced, not added), SYNCED once the MO closes, NEEDS_ATTENTION
     * when it never does; failures become maintenance requests, with or without a maintenance equipment of that code.
     */
    @Test
    void odoo14RefusalsRetriesAndARepeatedPost() throws Exception {
        StockOdoo odoo = StockOdoo.feedMill(14, 9);
        String inUnits = odoo.seed().addMo(1000, "kg", List.of(new Component("40101", 900, "kg"),
                new Component("40114", 4, "Units")));
        odoo.seed().splitReservation("WH/MO/00002", "40102");
        odoo.seed().trackWithoutLot("WH/MO/00001");
        odoo.seed().trackWithoutLot("WH/MO/00004");
        try (StockPlant plant = StockPlant.start(odoo, Duration.ofMillis(300), Map.of("ODOO_MARK_DONE", "true",
                "ODOO_MAX_ATTEMPTS", "2", "ODOO_UNMAPPED_COMPONENTS", "zero"))) {
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
                    .contains("synced=7", "retry=2", "needs_attention=0", "marked_done=7");
            assertThat(odoo.state("WH/MO/00003")).isEqualTo("done");
            assertThat(odoo.state("WH/MO/00001")).isEqualTo("confirmed");
            assertThat(plant.sql.strings("select state || ' ' || attempts || ' ' || last_error from batch"
                    + " where mo_name = 'WH/MO/00001'").get(0)).as("posted, not closed: not SYNCED")
                    .startsWith("COMPLETED 1 mark-done: MO WH/MO/00001 is confirmed in Odoo, not closed")
                    .contains("mrp.batch.produce");
            assertThat(odoo.state("WH/MO/00002")).isEqualTo("done");
            BigDecimal split = new BigDecimal(plant.sql.strings("select c.actual_kg from batch_component c join batch b"
                    + " on b.id = c.batch_id where b.mo_name = 'WH/MO/00002' and c.equipment_id = 102").get(0));
            assertThat(odoo.seed().lineDone("WH/MO/00002", "40102")).as("all on the first line")
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(split.setScale(2, RoundingMode.HALF_UP), BigDecimal.ZERO);
            assertThat(odoo.seed().done("WH/MO/00002", "40102")).isEqualByComparingTo(split.setScale(2,
                    RoundingMode.HALF_UP));
            assertThat(odoo.seed().done("WH/MO/00003", "90001")).as("the premix, on no equipment: zero")
                    .isZero();

            String mo = "WH/MO/00001";
            BigDecimal silo = odoo.seed().done(mo, "40101");
            BigDecimal produced = odoo.qtyProducing(mo);
            assertThat(silo).isPositive();
            long writes = odoo.calls().stream().filter("stock.move.write"::equals).count();
            odoo.seed().giveLot(mo);
            Thread.sleep(300); // ODOO_RETRY_BACKOFF
            JsonNode again = plant.run("task3-process-completed");
            assertThat(again.get("lastRun").get("counts").asText()).as(again.toString())
                    .contains("synced=1", "retry=0", "needs_attention=1", "marked_done=1");
            assertThat(odoo.state(mo)).isEqualTo("done");
            assertThat(odoo.calls().stream().filter("stock.move.write"::equals).count()).as("posted again")
                    .isGreaterThan(writes);
            assertThat(odoo.seed().done(mo, "40101")).as("replaced, not added").isEqualByComparingTo(silo);
            assertThat(odoo.qtyProducing(mo)).isEqualByComparingTo(produced);
            assertThat(plant.sql.strings("select state || ' ' || attempts from batch where mo_name = '" + mo + "'"))
                    .containsExactly("SYNCED 2");
            assertThat(plant.sql.strings("select state || ' ' || last_error from batch"
                    + " where mo_name = 'WH/MO/00004'").get(0))
                    .startsWith("NEEDS_ATTENTION gave up after 2 attempts, last: mark-done: MO WH/MO/00004 is"
                            + " confirmed in Odoo, not closed (Odoo answered ir.actions.act_window mrp.batch.produce)");
            assertThat(odoo.writesOnClosedMos()).isZero();

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

    /**
     * Odoo 19 refuses to close an MO whose tracked product has no lot: a business error, NEEDS_ATTENTION at once.
     * ODOO_UNMAPPED_COMPONENTS=leave does not write the premix: not picked, Odoo cancels its move at close.
     */
    @Test
    void aMarkDoneOdooRefusesNeedsAttentionAtOnceWithItsMessage() throws Exception {
        StockOdoo odoo = StockOdoo.feedMill(19, 2);
        odoo.seed().trackWithoutLot("WH/MO/00002");
        try (StockPlant plant = StockPlant.start(odoo, Duration.ofMillis(300), Map.of("ODOO_MARK_DONE", "true",
                "ODOO_UNMAPPED_COMPONENTS", "leave"))) {
            plant.run("task1-mo-sync");
            RunningBridge.await("the plant to run the two batches", Duration.ofSeconds(30),
                    () -> plant.plc.plant().finishedBatches() == 2);
            plant.run("task2-plc-read");
            JsonNode post = plant.run("task3-process-completed");

            assertThat(post.get("lastRun").get("counts").asText()).as(post.toString())
                    .contains("synced=1", "retry=0", "needs_attention=1", "marked_done=1");
            assertThat(plant.sql.strings("select state || ' ' || attempts || ' ' || last_error from batch"
                    + " where mo_name = 'WH/MO/00002'")).containsExactly("NEEDS_ATTENTION 1 Odoo rejected mark-done: Odoo"
                            + " refused /json/2/mrp.production/button_mark_done: UserError: You need to generate Lot/Serial Number(s) for WH/MO/00002");
            assertThat(odoo.state("WH/MO/00002")).isEqualTo("confirmed");
            assertThat(odoo.state("WH/MO/00001")).isEqualTo("done");
            assertThat(odoo.seed().done("WH/MO/00001", "90001")).as("the premix left as it was").isZero();
            assertThat(odoo.seed().done("WH/MO/00001", "40101")).isPositive();
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
        RunningBridge.await("the PLC to show the failure", Duration.ofSeconds(60),
                () -> plant.plc.plant().failures().waiting() == 0);
    }
}
