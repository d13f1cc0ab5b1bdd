package io.odooplc.bridge.plc;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the PLC equipment an Odoo component is dosed from, by the legacy rules (plant-contract §1.4 step 4): the first
 * three-digit number in "{equipment code} {equipment name}" that is a known equipment id ({@code silo103 SILO C} ->
 * 103), else an alias of the equipment (its code, tag, name or listed aliases, compared as lowercase letters and digits:
 * {@code LQ TETES} -> 114). Anything else ({@code PLC01}, no equipment) is not on the PLC.
 */
public final class EquipmentMatcher {

    private static final Pattern THREE_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})(?!\\d)");

    private final Map<Integer, Equipment> byId = new HashMap<>();
    private final Map<String, Equipment> byAlias = new HashMap<>();

    public EquipmentMatcher(List<Equipment> equipment) {
        for (Equipment e : equipment) {
            byId.put(e.id(), e);
            for (String alias : e.aliases()) {
                byAlias.put(normalize(alias), e);
            }
            byAlias.put(normalize(e.code()), e);
            byAlias.put(normalize(e.tag()), e);
            byAlias.put(normalize(e.name()), e);
        }
    }

    public Optional<Equipment> match(String equipmentCode, String equipmentName) {
        String text = (equipmentCode == null ? "" : equipmentCode) + " " + (equipmentName == null ? "" : equipmentName);
        Matcher m = THREE_DIGITS.matcher(text);
        while (m.find()) {
            Equipment e = byId.get(Integer.parseInt(m.group(1)));
            if (e != null) {
                return Optional.of(e);
            }
        }
        for (String candidate : new String[] {equipmentCode, equipmentName}) {
            if (candidate != null) {
                Equipment e = byAlias.get(normalize(candidate));
                if (e != null) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
