package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.util.List;

/**
 * An Odoo MO as the bridge stages it: what the PLC doses and what stays out.
 *
 * @param moName          Odoo MO name, e.g. WH/MO/00011
 * @param productName     finished product, e.g. [10092] JF SAPOT 1B
 * @param targetKg        MO quantity
 * @param moEquipmentCode the MO's own SCADA equipment (PLC01), or null
 * @param components      components dosed by PLC equipment, one per equipment
 * @param leftOut         components on no PLC equipment (PLC01, none): logged, not in the recipe
 */
public record PlannedBatch(String moName, String productName, BigDecimal targetKg, String moEquipmentCode,
        List<Component> components, List<String> leftOut) {

    /** Planned kilograms of one material from one PLC equipment. */
    public record Component(int equipmentId, String equipmentCode, String productName, BigDecimal plannedKg) {
    }

    public PlannedBatch {
        components = List.copyOf(components);
        leftOut = List.copyOf(leftOut);
    }
}
