package io.odooplc.bridge.odoo.stock;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.stock.StockOdoo;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.StockPlant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At start-up the bridge asks stock Odoo's version once (route odoo-stock-version-at-start) and logs what it speaks
 * with it; an Odoo that does not answer then stops nothing (a warning, the first operation asks again); a version
 * before 14 is an error line.
 */
class StockVersionAtStartTest {

    private static final Duration BATCH = Duration.ofSeconds(30);

    @Test
    void theVersionIsLoggedOnceAtStartBeforeAnyTaskRuns() throws Exception {
        try (LogCapture log = LogCapture.of(StockConnection.class);
                StockPlant plant = StockPlant.start(StockOdoo.feedMill(16, 2), BATCH, Map.of())) {
            String url = plant.odoo.url();
            String line = "INFO [odoo-stock-version-at-start] stock Odoo 16.0 (major 16) at " + url + ": JSON-RPC /jsonrpc, fields of Odoo 16:"
                    + " a raw move's done quantity quantity_done, button_mark_done with skip_backorder,"
                    + " skip_consumption, skip_immediate";
            RunningBridge.await("the version line", Duration.ofSeconds(20), () -> log.count("stock Odoo 16.0") > 0);
            assertThat(log.lines()).containsExactly(line);
            assertThat(plant.odoo.calls()).as("no model method: no task has run").isEmpty();

            JsonNode sync = plant.run("task1-mo-sync");
            assertThat(sync.get("run").asText()).as(sync.toString()).isEqualTo("OK");
            assertThat(log.count("stock Odoo 16.0")).as("said once").isEqualTo(1);
        }
    }

    @Test
    void anOdooNotAnsweringAtStartIsAWarningAndTheFirstCallFindsTheVersion() throws Exception {
        StockOdoo odoo = StockOdoo.feedMill(19, 2);
        // The first try and the two retries of ODOO_HTTP_RETRIES.
        odoo.failNext("common.version", 3, StockOdoo.Fault.HTTP_500);
        try (LogCapture log = LogCapture.of(StockConnection.class);
                StockPlant plant = StockPlant.start(odoo, BATCH, Map.of())) {
            RunningBridge.await("the warning", Duration.ofSeconds(20), () -> !log.lines().isEmpty());
            assertThat(log.lines()).singleElement().asString().startsWith("WARN [odoo-stock-version-at-start] stock Odoo at "
                    + odoo.url() + " did not tell its version at start-up (").contains("HTTP 500")
                    .endsWith("; the first Odoo call asks again");

            JsonNode sync = plant.run("task1-mo-sync");
            assertThat(sync.get("run").asText()).as(sync.toString()).isEqualTo("OK");
            assertThat(log.lines()).hasSize(2).last().asString()
                    .startsWith("INFO [odoo-stock-login] stock Odoo 19.0 (major 19) at " + odoo.url() + ": JSON-2 /json/2,"
                            + " fields of Odoo 19: a raw move's done quantity quantity with picked");
        }
    }

    @Test
    void aVersionBefore14IsAnErrorLineAtStart() throws Exception {
        try (LogCapture log = LogCapture.of(StockConnection.class);
                StockPlant plant = StockPlant.start(StockOdoo.feedMill(13, 1), BATCH, Map.of())) {
            RunningBridge.await("the error line", Duration.ofSeconds(20), () -> !log.lines().isEmpty());
            assertThat(log.lines()).containsExactly("ERROR [odoo-stock-version-at-start] stock Odoo not usable: Odoo at " + plant.odoo.url()
                    + " is version '13.0': ODOO_API=stock speaks Odoo 14 and later");
        }
    }
}
