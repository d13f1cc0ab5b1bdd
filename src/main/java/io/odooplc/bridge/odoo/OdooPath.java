package io.odooplc.bridge.odoo;

/** The Odoo routes the bridge calls (plant-contract §3): the SCADA addon's, and Odoo's own login as a fallback. */
public enum OdooPath {
    SCADA_AUTHENTICATE("/api/scada/authenticate"),
    WEB_AUTHENTICATE("/web/session/authenticate"),
    MO_LIST("/api/scada/mo-list-detailed"),
    MO_UPDATE("/api/scada/mo/update-with-consumptions"),
    MO_CANCEL("/api/scada/mo/cancel"),
    MO_MARK_DONE("/api/scada/mo/mark-done"),
    EQUIPMENT_FAILURE("/api/scada/equipment-failure");

    private final String path;

    OdooPath(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** A login call: sent without the session cookie. */
    public boolean isLogin() {
        return this == SCADA_AUTHENTICATE || this == WEB_AUTHENTICATE;
    }
}
