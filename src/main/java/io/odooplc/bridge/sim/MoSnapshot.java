package io.odooplc.bridge.sim;

import java.util.Map;

/**
 * What Odoo holds for one MO right now. quantityDoneByEquipment sums quantity_done of the MO's raw-material
 * moves per equipment code (moves without equipment are left out).
 */
public record MoSnapshot(String moId, MoState state, double finishedQty, Map<String, Double> quantityDoneByEquipment) {

    public double quantityDone(String equipmentCode) {
        return quantityDoneByEquipment.getOrDefault(equipmentCode, 0.0);
    }
}
