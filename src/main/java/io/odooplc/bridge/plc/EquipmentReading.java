package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one slot reports for one silo or tank. Empty values were rejected; the reason is in the slot's problems.
 *
 * @param equipmentId   the equipment the slot position belongs to
 * @param reportedId    the ID word as read (accepted only when it equals {@code equipmentId})
 * @param consumptionKg actual consumption
 */
public record EquipmentReading(int equipmentId, Optional<Integer> reportedId, Optional<BigDecimal> consumptionKg) {
}
