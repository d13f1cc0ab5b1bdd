package io.odooplc.bridge.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ODOO_FAILURE_REPORTS=false: task 5 then talks to the PLC only, so it alone does not need the Odoo settings. */
class FailureReportsSettingTest {

    private static BridgeSettings taskFiveOnlyWithoutOdoo(String reports) {
        Map<String, String> s = new HashMap<>();
        for (Task task : Task.values()) {
            s.put(task.flag(), Boolean.toString(task == Task.EQUIPMENT_FAILURE));
        }
        s.put("ODOO_FAILURE_REPORTS", reports);
        return BridgeSettings.load(new SettingSource(List.of(s,
                SettingSource.readProperties(java.nio.file.Path.of("application.properties")))));
    }

    @Test
    void reportsOnByDefault() {
        assertThat(TestSettings.load(Map.of()).odooFailureReports()).isTrue();
    }

    @Test
    void withReportsOffTaskFiveRunsWithoutOdooSettings() {
        BridgeSettings s = taskFiveOnlyWithoutOdoo("false");

        assertThat(s.odooFailureReports()).isFalse();
        assertThat(s.odoo()).isEmpty();
    }

    @Test
    void withReportsOnTaskFiveNeedsOdoo() {
        assertThatThrownBy(() -> taskFiveOnlyWithoutOdoo("true")).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("ODOO_URL=(not set) is not valid");
    }
}
