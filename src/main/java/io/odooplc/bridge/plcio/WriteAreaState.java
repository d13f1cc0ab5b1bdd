package io.odooplc.bridge.plcio;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the WRITE area holds as far as the handshake is concerned (plant-contract §4.6): each slot's NO-MO and status_read_data
 * flag, and the global "recipes taken" flag D7076.
 *
 * @param moNames       NO-MO per WRITE slot, "" when empty
 * @param slotFlags     status_read_data per WRITE slot (any non-zero word is set, as the legacy reads flags)
 * @param recipesTaken  D7076 = 1: the PLC has taken the last recipes
 */
public record WriteAreaState(SortedMap<Integer, String> moNames, SortedMap<Integer, Boolean> slotFlags,
                             boolean recipesTaken) {

    public WriteAreaState {
        moNames = new TreeMap<>(moNames);
        slotFlags = new TreeMap<>(slotFlags);
    }

    /** A fresh PLC: no slot flag set and no MO in any WRITE slot (plant-contract #16 fallback). */
    public boolean clean() {
        return slotFlags.values().stream().noneMatch(Boolean::booleanValue)
                && moNames.values().stream().allMatch(String::isEmpty);
    }

    /** New recipes may be written: the PLC took the last ones, or it never had any. */
    public boolean ready() {
        return recipesTaken || clean();
    }

    /** MO names currently in the WRITE slots, in slot order. */
    public List<String> heldMoNames() {
        return moNames.values().stream().filter(name -> !name.isEmpty()).toList();
    }

    /** Whether the WRITE slots hold exactly these MO names in slots 1..n and nothing else. */
    public boolean holdsExactly(List<String> moNamesInSlotOrder) {
        for (Map.Entry<Integer, String> slot : moNames.entrySet()) {
            int index = slot.getKey() - 1;
            String expected = index < moNamesInSlotOrder.size() ? moNamesInSlotOrder.get(index) : "";
            if (!expected.equals(slot.getValue())) {
                return false;
            }
        }
        return moNamesInSlotOrder.size() <= moNames.size();
    }
}
