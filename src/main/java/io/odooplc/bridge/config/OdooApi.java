package io.odooplc.bridge.config;

import java.util.Locale;

/**
 * ODOO_API: the Odoo the bridge talks to. Each value has its route file exposing the same {@code direct:odoo-...}
 * operations; only the chosen one is loaded (the other is the routes exclude pattern).
 */
public enum OdooApi {
    /** The feed mill's SCADA addon ({@code /api/scada/...}). */
    ADDON,
    /** Odoo 14-19's own external API (JSON-RPC, JSON-2 on 19), no addon. */
    STOCK;

    public static OdooApi of(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingException("ODOO_API", value, "addon (the SCADA addon) or stock (Odoo 14-19 "
                    + "without addon)");
        }
    }

    public OdooApi other() {
        return this == ADDON ? STOCK : ADDON;
    }

    /** Its route file in ROUTES_DIR. */
    public String routeFile() {
        return "odoo-" + name().toLowerCase(Locale.ROOT) + ".camel.yaml";
    }
}
