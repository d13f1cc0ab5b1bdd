package io.odooplc.bridge.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Settings as an operator would give them, on top of the repository's application.properties. */
final class TestSettings {

    private TestSettings() {
    }

    static BridgeSettings load(Map<String, String> top) {
        Map<String, String> all = new HashMap<>(Map.of("ODOO_URL", "http://odoo:8069", "ODOO_DB", "db",
                "ODOO_USERNAME", "admin", "ODOO_PASSWORD", "pw"));
        all.putAll(top);
        return BridgeSettings.load(new SettingSource(List.of(all,
                SettingSource.readProperties(Path.of("application.properties")))));
    }
}
