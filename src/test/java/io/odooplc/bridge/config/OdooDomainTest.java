package io.odooplc.bridge.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ODOO_MO_DOMAIN is read as Odoo reads a domain, and a domain Odoo would refuse stops the bridge at start-up. */
class OdooDomainTest {

    @Test
    void leavesAndPrefixOperatorsAreTakenAsJson() {
        BridgeSettings s = TestSettings.load(Map.of("ODOO_MO_DOMAIN",
                "[\"|\", [\"picking_type_id.name\", \"=\", \"Feed line 1\"], \"!\", [\"origin\", \"ilike\", \"TEST\"],"
                        + " [\"product_qty\", \">=\", 500], [\"name\", \"not in\", [\"WH/MO/00001\", null]]]"));

        assertThat(s.odooMoDomain()).containsExactly("|", List.of("picking_type_id.name", "=", "Feed line 1"), "!",
                List.of("origin", "ilike", "TEST"), List.of("product_qty", ">=", 500),
                List.of("name", "not in", java.util.Arrays.asList("WH/MO/00001", null)));
    }

    @Test
    void unsetOrBlankIsNoExtraDomain() {
        assertThat(TestSettings.load(Map.of()).odooMoDomain()).isEmpty();
        assertThat(TestSettings.load(Map.of("ODOO_MO_DOMAIN", "  ")).odooMoDomain()).isEmpty();
        assertThat(TestSettings.load(Map.of("ODOO_MO_DOMAIN", "[]")).odooMoDomain()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "picking_type_id = 3#not JSON",
        "{\"state\": \"done\"}#not a JSON array",
        "\"state\"#not a JSON array",
        "[[\"state\", \"is\", \"done\"]]#term 1 [\"state\",\"is\",\"done\"] is not [field, operator, value]",
        "[[\"state\", \"=\"]]#term 1 [\"state\",\"=\"] is not [field, operator, value]",
        "[[3, \"=\", 3]]#term 1 [3,\"=\",3] is not [field, operator, value]",
        "[[\"state\", \"=\", \"done\"], \"or\"]#term 2 \"or\" is not \"&\", \"|\" or \"!\"",
        "[\"|\", [\"state\", \"=\", \"done\"]]#an operator lacks its operands",
        "[\"!\"]#an operator lacks its operands",
        "[[\"state\", \"=\", \"done\"], 7]#term 2 7 is not [field, operator, value]",
    })
    void aDomainOdooWouldRefuseStopsTheBridgeSayingWhy(String value, String why) {
        InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class,
                () -> TestSettings.load(Map.of("ODOO_MO_DOMAIN", value)));

        assertThat(e).as(value).isNotNull();
        assertThat(e.getMessage()).startsWith("ODOO_MO_DOMAIN='" + value + "' is not valid: " + why + "; ")
                .contains("[[\"picking_type_id.name\", \"=\", \"Feed line 1\"]]").doesNotContain("\n");
    }
}
