package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.stock.StockOdoo;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.StockPlant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ODOO_API=stock against stock Odoo 14, 16, 17 and 19 over HTTP: ten MOs go to the PLC with the planned kg per
 * silo (a component in g converted), the PLC runs them (one fails), task 3 cancels the failed MO, writes the PLC's
 * actuals on the others' raw moves in each move's unit, rounded to its rounding, and closes them; Odoo ends with them done holding the
 * actuals, the failed one cancelled, nothing written on a closed MO; without ODOO_MARK_DONE they stay open holding them.
 */
class StockOdooCycleTest {

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(ints = {14, 16, 17, 19})
    void tenMosFromStockOdooToThePlcAndBackDone(int major) throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMill(major, 12), Duration.ofMillis(300),
                Map.of("ODOO_MARK_DONE", "true"))) {
            plant.plc.plant().failBatch(3);
            JsonNode sync = plant.run("task1-mo-sync");
            assertThat(sync.get("run").asText()).as(sync.toString()).isEqualTo("OK");
            assertThat(sync.get("lastRun").get("counts").asText()).contains("staged=10", "written=10");
            assertThat(plant.sql.rows("select c.equipment_code, c.planned_kg from batch_component c join batch b"
                    + " on b.id = c.batch_id where b.mo_name = 'WH/MO/00001' order by c.equipment_id"))
                    .extracting(r -> r[0] + "=" + new BigDecimal(r[1]).stripTrailingZeros().toPlainString())
                    .as("planned kg per equipment; 250000 g on silo104; the premix is on no equipment")
                    .containsExactly("silo101=350", "silo104=250", "silo107=300", "lq114=40");
            String failing = plant.sql.batchMo(3);

            RunningBridge.await("the plant to run the ten batches", Duration.ofSeconds(30),
                    () -> plant.plc.plant().finishedBatches() + plant.plc.plant().failedBatches() == 10);
            JsonNode read = plant.run("task2-plc-read");
            assertThat(read.get("run").asText()).as(read.toString()).isEqualTo("OK");

            JsonNode post = plant.run("task3-process-completed");
            assertThat(post.get("lastRun").get("counts").asText()).as(post.toString())
                    .contains("synced=9", "cancelled=1", "marked_done=9");
            assertThat(plant.odoo.state(failing)).isEqualTo("cancel");
            for (String mo : plant.sql.strings("select mo_name from batch where state = 'SYNCED'")) {
                assertThat(plant.odoo.state(mo)).as(mo).isEqualTo("done");
                assertOdooHoldsThePlcActuals(plant, mo);
                assertThat(plant.odoo.seed().done(mo, "90001")).as("the premix consumed as planned")
                        .isEqualByComparingTo("60");
            }
            assertThat(plant.odoo.writesOnClosedMos()).isZero();
            assertThat(plant.bridge.management("/observe/metrics").body())
                    .contains("bridge_odoo_calls_total{endpoint=\"" + (major >= 19 ? "/json/2/stock.move/write"
                            : "/jsonrpc stock.move.write") + "\",outcome=\"success\"")
                    .contains("bridge_odoo_call_seconds");
            assertThat(plant.bridge.healthCheck("odoo").toString()).contains("UP");
        }
    }

    /** ODOO_MARK_DONE off (the default): the MOs hold the PLC's actuals and stay open for someone to close in Odoo. */
    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(ints = {14, 17})
    void withoutMarkDoneTheMosHoldTheActualsAndStayOpen(int major) throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMill(major, 2), Duration.ofMillis(300), Map.of())) {
            JsonNode sync = plant.run("task1-mo-sync");
            assertThat(sync.get("lastRun").get("counts").asText()).as(sync.toString()).contains("written=2");
            RunningBridge.await("the plant to run the two batches", Duration.ofSeconds(30),
                    () -> plant.plc.plant().finishedBatches() == 2);
            plant.run("task2-plc-read");

            JsonNode post = plant.run("task3-process-completed");
            assertThat(post.get("lastRun").get("counts").asText()).as(post.toString())
                    .contains("synced=2").doesNotContain("marked_done=1", "marked_done=2");
            for (String mo : plant.sql.strings("select mo_name from batch where state = 'SYNCED'")) {
                assertThat(plant.odoo.state(mo)).as(mo).isNotIn("done", "cancel");
                assertOdooHoldsThePlcActuals(plant, mo);
            }
            assertThat(plant.sql.strings("select count(*) from batch where state = 'SYNCED'")).containsExactly("2");
        }
    }

    /** The MO's qty_producing and each dosed move hold the PLC's actuals in the move's unit, rounded to its rounding. */
    private static void assertOdooHoldsThePlcActuals(StockPlant plant, String mo) throws SQLException {
        String finished = plant.sql.strings("select actual_weight_kg from batch where mo_name = '" + mo + "'").get(0);
        assertThat(plant.odoo.qtyProducing(mo)).as("%s qty_producing", mo)
                .isEqualByComparingTo(new BigDecimal(finished).setScale(2, RoundingMode.HALF_UP));
        for (String[] c : plant.sql.rows("select c.equipment_id, c.actual_kg from batch_component c"
                + " join batch b on b.id = c.batch_id where b.mo_name = '" + mo + "'")) {
            String product = "40" + c[0];
            // The double's units: g with a rounding of 1, kg of 0.01.
            boolean grams = plant.odoo.seed().uom(mo, product).equals("g");
            BigDecimal expected = new BigDecimal(c[1]).divide(grams ? new BigDecimal("0.001") : BigDecimal.ONE)
                    .setScale(grams ? 0 : 2, RoundingMode.HALF_UP);
            assertThat(plant.odoo.seed().done(mo, product)).as("%s %s in Odoo", mo, product)
                    .isEqualByComparingTo(expected);
        }
    }
}
