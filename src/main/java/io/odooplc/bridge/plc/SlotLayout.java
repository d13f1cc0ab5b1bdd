package io.odooplc.bridge.plc;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Field layout shared by every READ and WRITE slot. */
public record SlotLayout(List<FieldSpec> fields) {

    public SlotLayout {
        fields = List.copyOf(fields);
    }

    /** Words a slot actually uses: from offset 0 to the end of the last field. */
    public int width() {
        return fields.stream().mapToInt(FieldSpec::end).max().orElse(0);
    }

    public FieldSpec field(String key) {
        return byKey().get(key);
    }

    public Map<String, FieldSpec> byKey() {
        return fields.stream().collect(Collectors.toMap(FieldSpec::key, Function.identity()));
    }
}
