package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Decodes fields out of one block of words read from the PLC and collects a {@link FieldProblem} for every field
 * that cannot be accepted, so one garbled field never hides the others. Never throws on bad data.
 */
final class FieldReader {

    private final String where;
    private final int base;
    private final int[] words;
    private final List<FieldProblem> problems = new ArrayList<>();

    FieldReader(String where, int base, int[] words) {
        this.where = where;
        this.base = base;
        this.words = words.clone();
    }

    Optional<BigDecimal> number(FieldSpec field) {
        return decode(field, FieldCodec::decodeNumber);
    }

    Optional<String> text(FieldSpec field) {
        return decode(field, FieldCodec::decodeText);
    }

    Optional<Boolean> flag(FieldSpec field) {
        return decode(field, FieldCodec::decodeFlag);
    }

    /** Records a problem found after decoding (e.g. a value that contradicts the slot it was read from). */
    void reject(FieldSpec field, String problem) {
        problems.add(new FieldProblem(where, field.key(), field.label(), range(field), raw(field), problem));
    }

    boolean allZero() {
        return Arrays.stream(words).allMatch(w -> (w & 0xFFFF) == 0);
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    private <T> Optional<T> decode(FieldSpec field, BiFunction<FieldSpec, int[], T> decoder) {
        if (field.end() > words.length) {
            reject(field, "response holds " + words.length + " words, field needs offsets up to " + (field.end() - 1));
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.apply(field, Arrays.copyOfRange(words, field.offset(), field.end())));
        } catch (CodecException e) {
            reject(field, e.getMessage());
            return Optional.empty();
        }
    }

    private WordRange range(FieldSpec field) {
        return new WordRange(base + field.offset(), field.words());
    }

    private List<Integer> raw(FieldSpec field) {
        int end = Math.min(field.end(), words.length);
        return field.offset() >= end ? List.of()
                : Arrays.stream(words, field.offset(), end).map(w -> w & 0xFFFF).boxed().toList();
    }
}
