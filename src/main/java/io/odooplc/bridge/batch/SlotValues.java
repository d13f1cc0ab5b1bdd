package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.odooplc.bridge.plc.EquipmentReading;
import io.odooplc.bridge.plc.FieldProblem;
import io.odooplc.bridge.plc.FieldSpec;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.MoNameRule;
import io.odooplc.bridge.plc.SlotReading;
import io.odooplc.bridge.plc.WordRange;
import io.odooplc.bridge.plc.Words;

/**
 * The values of one READ slot that task 2 may put in the database, and the ones it must not. The codec already
 * rejects words that do not fit their field (non-ASCII text, BATCH or ID words that contradict their position,
 * flags other than 0/1, values above the map's limit such as 5000 kg of consumption); on top of that the MO name
 * must follow {@link MoNameRule}, the rule task 1 stages by. A slot whose identity (BATCH, NO-MO) is rejected is not trusted at all: its
 * other words may belong to a torn frame (plant-contract #8).
 *
 * @param mo            the MO the slot shows; empty when idle or not trusted
 * @param consumptionKg accepted actual consumption per equipment id
 * @param rejections    one entry per rejected value, each a complete log text
 */
public record SlotValues(int slot, boolean idle, Optional<String> mo, Map<Integer, BigDecimal> consumptionKg,
                         Optional<BigDecimal> weightKg, Optional<Boolean> finished, Optional<Boolean> failed,
                         Optional<Boolean> readAcknowledged, List<Rejection> rejections) {

    /** A value kept out of the database: the field key (for the metric) and the full description (for the log). */
    public record Rejection(String field, String description) {
    }

    public SlotValues {
        consumptionKg = Map.copyOf(consumptionKg);
        rejections = List.copyOf(rejections);
    }

    public static SlotValues of(SlotReading reading, int[] words, MemoryMap map) {
        int slot = reading.slot();
        if (reading.idle()) {
            return new SlotValues(slot, true, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of());
        }
        List<Rejection> rejections = new ArrayList<>();
        for (FieldProblem problem : reading.problems()) {
            rejections.add(new Rejection(problem.key(), problem.toString()));
        }
        // Exactly as the PLC holds it: matched against the names the bridge wrote, never normalised into a match.
        Optional<String> mo = reading.mo();
        Optional<String> problem = mo.flatMap(name -> MoNameRule.problem(name, map));
        if (problem.isPresent()) {
            FieldSpec field = map.layout().field("mo");
            int address = map.readArea().base(slot) + field.offset();
            rejections.add(new Rejection(field.key(), "READ slot " + slot + ", " + field.label() + " (mo) @"
                    + new WordRange(address, field.words()) + ", raw "
                    + Words.describe(Arrays.copyOfRange(words, field.offset(), field.end()))
                    + ": not an MO name the bridge writes: " + problem.get()));
            mo = Optional.empty();
        }
        if (reading.batch().isEmpty()) {
            mo = Optional.empty();
        }
        if (mo.isEmpty()) {
            return new SlotValues(slot, false, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), rejections);
        }
        Map<Integer, BigDecimal> consumption = new TreeMap<>();
        for (EquipmentReading equipment : reading.equipment().values()) {
            // A wrong ID word means the words around it are not where they should be: its consumption is not taken.
            if (equipment.reportedId().isPresent() && equipment.consumptionKg().isPresent()) {
                consumption.put(equipment.equipmentId(), equipment.consumptionKg().get());
            }
        }
        return new SlotValues(slot, false, mo, consumption, reading.weightKg(), reading.statusManufacturing(),
                reading.statusOperation(), reading.statusReadData(), rejections);
    }

    /** The slot shows an MO the bridge can match. */
    public boolean trusted() {
        return mo.isPresent();
    }
}
