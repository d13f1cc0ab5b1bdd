package io.odooplc.bridge.odoo.stock;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.stock.StockOdoo;
import io.odooplc.bridge.support.StockPlant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ODOO_MO_DOMAIN over the socket: stock Odoo applies the extra terms with state confirmed, so an MO of another
 * production line is never fetched; a domain Odoo cannot apply (a field it does not have) fails task 1's run with
 * Odoo's message and stages nothing.
 */
class StockMoDomainTest {

    @Test
    void anMoOutsideTheDomainIsNotFetched() throws Exception {
        StockOdoo odoo = StockOdoo.feedMill(17, 5);
        odoo.seed().operationType("WH/MO/00002", "Feed line 2");
        odoo.seed().operationType("WH/MO/00004", "Feed line 2");
        try (StockPlant plant = StockPlant.start(odoo, Duration.ofSeconds(30), Map.of("ODOO_MO_DOMAIN",
                "[\"!\", [\"picking_type_id.name\", \"=\", \"Feed line 2\"]]"))) {
            JsonNode sync = plant.run("task1-mo-sync");

            assertThat(sync.get("run").asText()).as(sync.toString()).isEqualTo("OK");
            assertThat(sync.get("lastRun").get("counts").asText()).contains("listed=3", "staged=3");
            assertThat(plant.sql.strings("select mo_name from batch order by mo_name"))
                    .containsExactly("WH/MO/00001", "WH/MO/00003", "WH/MO/00005");
        }
    }

    @Test
    void aFieldOdooDoesNotHaveFailsTheRunWithOdoosMessage() throws Exception {
        try (StockPlant plant = StockPlant.start(StockOdoo.feedMill(16, 3), Duration.ofSeconds(30),
                Map.of("ODOO_MO_DOMAIN", "[[\"production_line\", \"=\", \"Feed line 1\"]]"))) {
            JsonNode sync = plant.run("task1-mo-sync");

            assertThat(sync.get("run").asText()).as(sync.toString()).isEqualTo("FAILED");
            assertThat(sync.get("lastRun").get("error").asText())
                    .contains("Invalid field 'production_line' on model 'mrp.production'");
            assertThat(plant.count("true")).isZero();
        }
    }
}
