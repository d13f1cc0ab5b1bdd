package io.odooplc.bridge.plc;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The decoded equipment-failure area. Empty values were rejected; {@link #problems()} says why.
 *
 * @param idle           all words zero: no event has been written
 * @param statusReadData the acknowledge flag (true once the middleware has taken the event)
 */
public record FailureReport(boolean idle, Optional<String> equipmentCode, Optional<String> info,
                            Optional<LocalDateTime> occurredAt, Optional<Boolean> statusReadData,
                            List<FieldProblem> problems) {

    public FailureReport {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
