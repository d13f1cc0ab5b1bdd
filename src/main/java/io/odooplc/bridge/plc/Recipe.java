package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What the middleware writes into one WRITE slot.
 *
 * @param slot        WRITE slot number (also written as BATCH)
 * @param moName      Odoo MO name, e.g. WH/MO/00011
 * @param productName written to both NO-BoM and finished_goods, as the legacy PLC program expects
 * @param quantityKg  target quantity
 * @param plannedKg   planned consumption per equipment id; equipment not listed gets 0
 */
public record Recipe(int slot, String moName, String productName, BigDecimal quantityKg,
                     Map<Integer, BigDecimal> plannedKg) {

    public Recipe {
        Objects.requireNonNull(moName, "moName");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(quantityKg, "quantityKg");
        plannedKg = Map.copyOf(plannedKg);
    }
}
