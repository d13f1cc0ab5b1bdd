package io.odooplc.bridge.plc;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The equipment-failure event area (legacy D8000-D8022). */
public record FailureArea(int base, List<FieldSpec> fields) {

    public FailureArea {
        fields = List.copyOf(fields);
    }

    public int width() {
        return fields.stream().mapToInt(FieldSpec::end).max().orElse(0);
    }

    public WordRange range() {
        return new WordRange(base, width());
    }

    public FieldSpec field(String key) {
        return byKey().get(key);
    }

    public Map<String, FieldSpec> byKey() {
        return fields.stream().collect(Collectors.toMap(FieldSpec::key, Function.identity()));
    }
}
