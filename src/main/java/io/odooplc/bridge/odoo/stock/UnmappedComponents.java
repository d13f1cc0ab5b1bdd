package io.odooplc.bridge.odoo.stock;

import java.util.Locale;

/**
 * ODOO_UNMAPPED_COMPONENTS: what a post writes on a raw move whose product is on no PLC equipment (an ingredient
 * added by hand, plant-contract §7.4). The PLC knows nothing of it, so the choice is the plant's.
 */
public enum UnmappedComponents {
    /** Consumed as planned: its demand. */
    PLANNED,
    /** Consumed nothing: 0. */
    ZERO,
    /** Not written: Odoo keeps what it holds (17+ cancel a move that is not picked at close). */
    LEAVE;

    /** The setting's value, validated at start-up; any case. */
    public static UnmappedComponents of(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
