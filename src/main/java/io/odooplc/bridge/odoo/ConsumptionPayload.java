package io.odooplc.bridge.odoo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.odooplc.bridge.batch.BatchForOdoo;

/**
 * The body of {@code update-with-consumptions} for a batch, as the legacy sent it (plant-contract §3.4): {@code mo_id}, the
 * finished weight as {@code quantity} when above zero, and one key per equipment code with its actual kg above
 * zero. Odoo replaces the MO's done quantities with these, so posting the same batch again changes nothing.
 */
public final class ConsumptionPayload {

    private ConsumptionPayload() {
    }

    public static Map<String, Object> of(BatchForOdoo batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mo_id", batch.moName());
        if (batch.hasFinishedWeight()) {
            body.put("quantity", batch.actualWeightKg().doubleValue());
        }
        for (Map.Entry<String, BigDecimal> actual : batch.actualsKg().entrySet()) {
            if (actual.getValue().signum() > 0) {
                body.put(actual.getKey(), actual.getValue().doubleValue());
            }
        }
        return body;
    }
}
