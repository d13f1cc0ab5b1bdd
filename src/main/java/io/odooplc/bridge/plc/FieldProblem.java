package io.odooplc.bridge.plc;

import java.util.List;

/**
 * A field whose words could not be accepted, with everything needed to diagnose it from a log line.
 *
 * @param where    area and slot, e.g. "READ slot 6" or "failure area"
 * @param key      field key
 * @param label    legacy field name
 * @param range    DM addresses of the field
 * @param rawWords the words as read (empty when the response was too short to hold them)
 * @param problem  what is wrong
 */
public record FieldProblem(String where, String key, String label, WordRange range, List<Integer> rawWords,
                           String problem) {

    public FieldProblem {
        rawWords = List.copyOf(rawWords);
    }

    @Override
    public String toString() {
        return where + ", " + label + " (" + key + ") @" + range + ", raw "
                + Words.describe(rawWords.stream().mapToInt(Integer::intValue).toArray()) + ": " + problem;
    }
}
