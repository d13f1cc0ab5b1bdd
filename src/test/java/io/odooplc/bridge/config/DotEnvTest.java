package io.odooplc.bridge.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvTest {

    @Test
    void readsTheUsualForms() {
        Map<String, String> env = DotEnv.parse(".env", List.of(
                "# comment",
                "",
                "ENABLE_AUTO_SYNC=false",
                "  SYNC_INTERVAL_MINUTES = 2  ",
                "ODOO_PASSWORD=\"p@ss # not a comment\"",
                "ODOO_DB='odoo_db'",
                "PLC_IP=192.168.1.2 # the CJ2M",
                "export PLC_PORT=9600",
                "EMPTY="));
        assertThat(env).containsEntry("ENABLE_AUTO_SYNC", "false")
                .containsEntry("SYNC_INTERVAL_MINUTES", "2")
                .containsEntry("ODOO_PASSWORD", "p@ss # not a comment")
                .containsEntry("ODOO_DB", "odoo_db")
                .containsEntry("PLC_IP", "192.168.1.2")
                .containsEntry("PLC_PORT", "9600")
                .containsEntry("EMPTY", "")
                .hasSize(7);
    }

    @Test
    void aLineWithoutEqualsIsAnErrorWithItsLineNumber() {
        assertThatThrownBy(() -> DotEnv.parse(".env", List.of("A=1", "garbage")))
                .hasMessageContaining(".env line 2");
    }
}
