package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A batch task 3 has Odoo work for: posting a completed batch's actuals, or cancelling the MO of a batch the PLC
 * reported failed. {@code actualsKg} holds equipment code to actual kg, only the values above zero.
 */
public record BatchForOdoo(long id, String moName, BatchState state, int attempts, BigDecimal actualWeightKg,
        Map<String, BigDecimal> actualsKg) {

    public boolean hasConsumption() {
        return !actualsKg.isEmpty();
    }

    public boolean hasFinishedWeight() {
        return actualWeightKg != null && actualWeightKg.signum() > 0;
    }
}
