package io.odooplc.bridge.sim;

import java.time.LocalDateTime;

/** An equipment failure report created through /api/scada/equipment-failure. durationMinutes is null when absent. */
public record FailureReport(int id, String equipmentCode, String description, LocalDateTime date,
                            Integer durationMinutes) {
}
