package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Decodes the equipment-failure area; a BCD timestamp that is not a real date is a problem, never a guess. */
public final class FailureCodec {

    private static final List<String> TIMESTAMP = List.of("year", "month", "day", "hour", "minute", "second");

    private final FailureArea area;

    public FailureCodec(MemoryMap map) {
        this.area = map.failureArea();
    }

    public FailureReport decode(int[] words) {
        FieldReader reader = new FieldReader("failure area", area.base(), words);
        boolean idle = words.length >= area.width() && reader.allZero();
        Optional<String> code = reader.text(area.field("equipment_code"));
        Optional<String> info = reader.text(area.field("info"));
        Optional<LocalDateTime> occurredAt = idle ? Optional.empty() : timestamp(reader);
        return new FailureReport(idle, code, info, occurredAt, reader.flag(area.field("status_read_data")),
                reader.problems());
    }

    /** The six timestamp words as one pseudo-field, so a bad date is logged with all of them. */
    private FieldSpec timestampSpan() {
        FieldSpec year = area.field("year");
        FieldSpec second = area.field("second");
        return new FieldSpec("timestamp", "Year..Second", year.offset(), second.end() - year.offset(),
                WordType.UINT, 1, WordOrder.HIGH_FIRST, null);
    }

    private Optional<LocalDateTime> timestamp(FieldReader reader) {
        int[] parts = new int[TIMESTAMP.size()];
        for (int i = 0; i < parts.length; i++) {
            Optional<BigDecimal> part = reader.number(area.field(TIMESTAMP.get(i)));
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts[i] = part.get().intValue();
        }
        try {
            return Optional.of(LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]));
        } catch (DateTimeException e) {
            reader.reject(timestampSpan(), String.format("%04d-%02d-%02d %02d:%02d:%02d is not a valid timestamp",
                    parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]));
            return Optional.empty();
        }
    }
}
