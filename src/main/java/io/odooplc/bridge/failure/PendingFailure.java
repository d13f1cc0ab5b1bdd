package io.odooplc.bridge.failure;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One stored equipment failure Odoo does not have yet, as task 5's due-failures query reads it. */
public record PendingFailure(long id, String equipmentCode, String description, LocalDateTime failureAt,
        int attempts) {

    private static final DateTimeFormatter ODOO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** The failure time as Odoo's equipment-failure endpoint takes it, {@code YYYY-MM-DD HH:MM:SS} (plant-contract §3.8). */
    public String odooDate() {
        return failureAt.format(ODOO_DATE);
    }
}
