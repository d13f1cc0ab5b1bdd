package io.odooplc.bridge.sim;

import java.util.Arrays;

/** The mrp.production states the SCADA addon reports, spelled as Odoo spells them on the wire. */
public enum MoState {
    DRAFT("draft"),
    CONFIRMED("confirmed"),
    PROGRESS("progress"),
    TO_CLOSE("to_close"),
    DONE("done"),
    CANCEL("cancel");

    private final String odooName;

    MoState(String odooName) {
        this.odooName = odooName;
    }

    public String odooName() {
        return odooName;
    }

    /** True for states in which the addon refuses consumption updates. */
    public boolean isClosed() {
        return this == DONE || this == CANCEL;
    }

    public static MoState fromOdoo(String name) {
        return Arrays.stream(values())
                .filter(s -> s.odooName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown MO state \"" + name + "\""));
    }
}
