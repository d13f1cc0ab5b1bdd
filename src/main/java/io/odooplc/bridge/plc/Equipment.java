package io.odooplc.bridge.plc;

import java.util.List;

/**
 * A silo or liquid tank the PLC doses from.
 *
 * @param id        PLC equipment id written into the slot ID word (101..115)
 * @param tag       SCADA tag (silo_a, lq_tetes, ...)
 * @param code      Odoo equipment code (silo101, lq114, ...)
 * @param name      plant name (SILO A, LQ114)
 * @param materials what the equipment usually holds, most common first
 * @param aliases   other names the equipment goes by (e.g. its Odoo display name)
 * @param products  Internal References ({@code default_code}) of the Odoo products it doses, for stock Odoo
 */
public record Equipment(int id, String tag, String code, String name, List<String> materials, List<String> aliases,
        List<String> products) {

    public Equipment {
        materials = List.copyOf(materials);
        aliases = List.copyOf(aliases);
        products = List.copyOf(products);
    }

    public String idFieldKey() {
        return "eq" + id + "_id";
    }

    public String consumptionFieldKey() {
        return "eq" + id + "_consumption";
    }
}
