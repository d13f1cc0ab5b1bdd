package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One decoded slot. Each value is empty when its words were rejected; {@link #problems()} says why, per field,
 * so the caller can drop single values instead of the whole slot.
 *
 * @param idle all words zero: the PLC has nothing in this slot (identity checks are skipped)
 */
public record SlotReading(int slot, boolean idle, Optional<Integer> batch, Optional<String> mo, Optional<String> bom,
                          Optional<String> product, Optional<BigDecimal> quantityKg,
                          Map<Integer, EquipmentReading> equipment, Optional<Boolean> statusManufacturing,
                          Optional<Boolean> statusOperation, Optional<BigDecimal> weightKg,
                          Optional<Boolean> statusReadData, List<FieldProblem> problems) {

    public SlotReading {
        equipment = Map.copyOf(equipment);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public Optional<FieldProblem> problem(String fieldKey) {
        return problems.stream().filter(p -> p.key().equals(fieldKey)).findFirst();
    }
}
