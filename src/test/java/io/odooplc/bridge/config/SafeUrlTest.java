package io.odooplc.bridge.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeUrlTest {

    @Test
    void plcUrlsLoseTheirSecretsInLogs() {
        assertThat(SafeUrl.of("s7://user:pw@10.0.0.1?password=x&rack=0"))
                .isEqualTo("s7://***@10.0.0.1?password=***&rack=0");
    }

    @Test
    void odooUrlsLoseTheirUserInfo() {
        assertThat(SafeUrl.of("https://admin:secret@odoo.plant.local:8069")).isEqualTo("https://***@odoo.plant.local:8069");
        assertThat(SafeUrl.of("http://127.0.0.1:8069")).isEqualTo("http://127.0.0.1:8069");
    }
}
