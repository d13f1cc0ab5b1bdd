package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Weights between the PLC's kg and an Odoo unit of measure, known by the name Odoo shows (kg, g, t): the PLC doses
 * by weight, so any other unit is an error for its MO (plant-contract §7.3). Values sent to Odoo are rounded half-up
 * to 0.01, the default precision of Odoo's "Product Unit of Measure".
 */
public final class Kilograms {

    private static final Map<String, BigDecimal> PER_UNIT = Map.of("kg", BigDecimal.ONE, "g", new BigDecimal("0.001"),
            "t", new BigDecimal("1000"), "tonne", new BigDecimal("1000"));

    private Kilograms() {
    }

    /** Kilograms in one unit named {@code uom}; empty when it is not a weight the bridge knows. */
    public static Optional<BigDecimal> perUnit(String uom) {
        return Optional.ofNullable(uom == null ? null : PER_UNIT.get(uom.strip().toLowerCase(Locale.ROOT)));
    }

    /** {@code kg} in the unit of which one is {@code perUnit} kg, rounded for Odoo. */
    public static BigDecimal toUnit(BigDecimal kg, BigDecimal perUnit) {
        return kg.divide(perUnit, 10, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal toKg(BigDecimal quantity, BigDecimal perUnit) {
        return quantity.multiply(perUnit).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
