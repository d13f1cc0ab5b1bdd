package io.odooplc.bridge.odoo;

import java.util.Map;

import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ODOO_API loads only its adapter's route file: one implementation of each direct:odoo-... operation. */
class OdooApiRouteFileTest {

    @Test
    void addonByDefaultStockWhenAsked() throws Exception {
        try (RunningBridge addon = RunningBridge.start(RunningBridge.testSettings())) {
            assertThat(addon.context().getRoute("odoo-login")).as("addon's login route").isNotNull();
            assertThat(addon.context().getRoute("odoo-stock-operation")).isNull();
            assertThat(addon.context().getRoute("odoo-mo-list")).isNotNull();
        }
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ODOO_API", "stock");
        try (RunningBridge stock = RunningBridge.start(s)) {
            assertThat(stock.context().getRoute("odoo-login")).as("addon's login route").isNull();
            assertThat(stock.context().getRoute("odoo-stock-operation")).isNotNull();
            assertThat(stock.context().getRoute("odoo-mo-list")).isNotNull();
        }
    }
}
