package io.odooplc.bridge.odoo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.odooplc.bridge.batch.BatchForOdoo;
import io.odooplc.bridge.batch.BatchState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumptionPayloadTest {

    private static BatchForOdoo batch(BigDecimal weight, Map<String, BigDecimal> actuals) {
        return new BatchForOdoo(7, "WH/MO/00051", BatchState.COMPLETED, 0, weight, actuals);
    }

    @Test
    void legacyShapeMoIdQuantityThenEquipmentCodes() {
        Map<String, BigDecimal> actuals = new LinkedHashMap<>();
        actuals.put("silo101", new BigDecimal("205.120"));
        actuals.put("silo102", new BigDecimal("212.8"));
        actuals.put("lq114", new BigDecimal("40"));

        Map<String, Object> body = ConsumptionPayload.of(batch(new BigDecimal("1000.000"), actuals));

        assertThat(body).containsExactly(Map.entry("mo_id", "WH/MO/00051"), Map.entry("quantity", 1000.0),
                Map.entry("silo101", 205.12), Map.entry("silo102", 212.8), Map.entry("lq114", 40.0));
    }

    @Test
    void noQuantityWithoutAFinishedWeightAndNoZeroValues() {
        Map<String, BigDecimal> actuals = new LinkedHashMap<>();
        actuals.put("silo103", new BigDecimal("0.000"));
        actuals.put("silo104", new BigDecimal("0.01"));

        assertThat(ConsumptionPayload.of(batch(null, actuals)))
                .containsExactly(Map.entry("mo_id", "WH/MO/00051"), Map.entry("silo104", 0.01));
        assertThat(ConsumptionPayload.of(batch(BigDecimal.ZERO, actuals))).doesNotContainKey("quantity");
    }
}
