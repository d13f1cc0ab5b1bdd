package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The PLC's kg in an Odoo unit, rounded half-up to the unit's rounding, never finer than 0.01 (plant-contract §7.4). */
class KilogramsTest {

    @ParameterizedTest(name = "{0} kg in {1} (rounding {2}) = {3}")
    @CsvSource({
        "340.125, kg, 0.01, 340.13",
        "340.124, kg, 0.01, 340.12",
        "340.1234, kg, 0.001, 340.12",
        "249.8705, g, 1, 249871",
        "249.8704, g, 1, 249870",
        "0.0005, g, 1, 1",
        "1234.5, t, 0.001, 1.23",
        "1235.0, t, 0.001, 1.24",
        "12.3, kg, 0.5, 12.5",
        "12.2, kg, 0.5, 12.0",
        "2049, kg, 10, 2050",
        "0, kg, 0.01, 0.00",
        "7.777, kg, 0, 7.78",
    })
    void roundsHalfUpToTheUnitsRounding(String kg, String uom, String rounding, String expected) {
        BigDecimal value = Kilograms.toUnit(new BigDecimal(kg), Kilograms.perUnit(uom).orElseThrow(),
                new BigDecimal(rounding));

        assertThat(value.toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} rounded to {1} = {2}")
    @CsvSource({"60, 1, 60", "60.004, 0.01, 60.00", "59.995, 0.01, 60.00", "-0.005, 0.01, -0.01"})
    void aQuantityInItsOwnUnitIsRoundedTheSameWay(String quantity, String rounding, String expected) {
        assertThat(Kilograms.round(new BigDecimal(quantity), new BigDecimal(rounding)).toPlainString())
                .isEqualTo(expected);
    }
}
