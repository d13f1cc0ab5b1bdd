package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Weights between the PLC's kg and an Odoo unit of measure, known by the name Odoo shows (kg, g, t): the PLC doses
 * by weight, so any other unit is an error for its MO (plant-contract §7.3). Values sent to Odoo are rounded half-up,
 * as Odoo's float_round, to the unit's rounding but never finer than 0.01, the default precision of Odoo's "Product
 * Unit of Measure" that its quantity fields are stored with (plant-contract §7.4).
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

    /** The finest step a quantity is sent in, whatever the unit's rounding. */
    static final BigDecimal FINEST = new BigDecimal("0.01");

    /** {@code kg} in the unit of which one is {@code perUnit} kg and whose rounding is {@code rounding}, rounded. */
    public static BigDecimal toUnit(BigDecimal kg, BigDecimal perUnit, BigDecimal rounding) {
        return round(kg.divide(perUnit, 10, RoundingMode.HALF_UP), rounding);
    }

    /** {@code quantity} to a whole number of steps of the coarser of {@code rounding} and 0.01, half-up. */
    public static BigDecimal round(BigDecimal quantity, BigDecimal rounding) {
        BigDecimal step = rounding.signum() > 0 ? rounding.max(FINEST) : FINEST;
        BigDecimal steps = quantity.divide(step, 0, RoundingMode.HALF_UP);
        return steps.multiply(step).setScale(Math.max(step.stripTrailingZeros().scale(), 0), RoundingMode.UNNECESSARY);
    }

    public static BigDecimal toKg(BigDecimal quantity, BigDecimal perUnit) {
        return quantity.multiply(perUnit).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
