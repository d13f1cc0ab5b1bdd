package io.odooplc.bridge.sim;

import java.util.Arrays;
import java.util.Optional;

/** The Odoo routes the bridge uses (docs/plant-contract.md §3); everything else answers 404. */
public enum OdooEndpoint {
    WEB_AUTHENTICATE("/web/session/authenticate", false),
    SCADA_AUTHENTICATE("/api/scada/authenticate", false),
    MO_LIST("/api/scada/mo-list-detailed", true),
    MO_UPDATE("/api/scada/mo/update-with-consumptions", true),
    MO_CANCEL("/api/scada/mo/cancel", true),
    MO_MARK_DONE("/api/scada/mo/mark-done", true),
    EQUIPMENT_FAILURE("/api/scada/equipment-failure", true);

    private final String path;
    private final boolean needsSession;

    OdooEndpoint(String path, boolean needsSession) {
        this.path = path;
        this.needsSession = needsSession;
    }

    public String path() {
        return path;
    }

    public boolean needsSession() {
        return needsSession;
    }

    /** Routes of the custom SCADA addon, as opposed to Odoo's own web client routes. */
    public boolean isScadaAddon() {
        return path.startsWith("/api/scada/");
    }

    public static Optional<OdooEndpoint> forPath(String path) {
        return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
    }
}
