package io.odooplc.bridge.plc;

import java.util.Optional;

/**
 * What an MO name may be, the one rule for staging and for reading a slot: whatever the memory map's MO field holds
 * and gives back unchanged, i.e. 1..N printable ASCII characters (N = the field's words x 2) with no blank at either
 * end (the field is padded with NULs, and a name with blanks at its ends would not survive a copy by hand). Odoo's
 * sequence (WH/MO/00011, a renamed one such as WEIRD/6) is not part of it: a slot is trusted when its MO matches,
 * exactly, a batch the bridge wrote into that slot.
 */
public final class MoNameRule {

    private MoNameRule() {
    }

    /** Why {@code name} cannot be an MO name on this PLC, or empty when it can. */
    public static Optional<String> problem(String name, MemoryMap map) {
        int maxChars = map.layout().field("mo").words() * 2;
        if (name == null || name.isEmpty()) {
            return Optional.of("an MO name is empty");
        }
        if (name.length() > maxChars) {
            return Optional.of("'" + name + "' has " + name.length() + " characters, the PLC's MO field holds "
                    + maxChars);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 32 || c > 126) {
                return Optional.of(String.format("'%s' has character U+%04X at index %d, the PLC's MO field takes"
                        + " printable ASCII only", name, (int) c, i));
            }
        }
        if (name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') {
            return Optional.of("'" + name + "' starts or ends with a blank");
        }
        return Optional.empty();
    }
}
