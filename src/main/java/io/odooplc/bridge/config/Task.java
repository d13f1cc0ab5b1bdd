package io.odooplc.bridge.config;

import java.util.Arrays;
import java.util.Optional;

/** The six scheduled tasks: route id, own switch, interval settings, and what they talk to. */
public enum Task {
    MO_SYNC("task1-mo-sync", "ENABLE_TASK_1_AUTO_SYNC", "SYNC_INTERVAL", "SYNC_INTERVAL_MINUTES",
            "Fetch MOs from Odoo, stage them, write recipes to the PLC", true, true),
    PLC_READ("task2-plc-read", "ENABLE_TASK_2_PLC_READ", "PLC_READ_INTERVAL", "PLC_READ_INTERVAL_MINUTES",
            "Read actual consumption and status from the PLC", true, false),
    PROCESS_COMPLETED("task3-process-completed", "ENABLE_TASK_3_PROCESS_COMPLETED", "PROCESS_COMPLETED_INTERVAL",
            "PROCESS_COMPLETED_INTERVAL_MINUTES", "Post completed batches' consumption to Odoo", false, true),
    HEALTH_MONITOR("task4-health-monitor", "ENABLE_TASK_4_HEALTH_MONITOR", "HEALTH_MONITOR_INTERVAL",
            "HEALTH_MONITOR_INTERVAL_MINUTES", "Watch batch health: stuck, failed, backlog", false, false),
    EQUIPMENT_FAILURE("task5-equipment-failure", "ENABLE_TASK_5_EQUIPMENT_FAILURE", "EQUIPMENT_FAILURE_INTERVAL",
            "EQUIPMENT_FAILURE_INTERVAL_MINUTES", "Read equipment failures from the PLC and report them to Odoo",
            true, true),
    LOG_CLEANUP("task6-log-cleanup", "ENABLE_TASK_6_LOG_CLEANUP", "LOG_CLEANUP_INTERVAL", "LOG_CLEANUP_INTERVAL_MINUTES",
            "Prune old task-run and batch-event records", false, false);

    public static final String MASTER_SWITCH = "ENABLE_AUTO_SYNC";

    private final String routeId;
    private final String flag;
    private final String intervalKey;
    private final String minutesKey;
    private final String title;
    private final boolean usesPlc;
    private final boolean usesOdoo;

    Task(String routeId, String flag, String intervalKey, String minutesKey, String title, boolean usesPlc,
            boolean usesOdoo) {
        this.routeId = routeId;
        this.flag = flag;
        this.intervalKey = intervalKey;
        this.minutesKey = minutesKey;
        this.title = title;
        this.usesPlc = usesPlc;
        this.usesOdoo = usesOdoo;
    }

    public String routeId() {
        return routeId;
    }

    /** The {@code direct:} endpoint holding the task's work; the timer route and the API both call it. */
    public String workEndpoint() {
        return "direct:" + routeId;
    }

    public String flag() {
        return flag;
    }

    public String intervalKey() {
        return intervalKey;
    }

    public String minutesKey() {
        return minutesKey;
    }

    public String title() {
        return title;
    }

    public boolean usesPlc() {
        return usesPlc;
    }

    public boolean usesOdoo() {
        return usesOdoo;
    }

    /** Task number as in the legacy logs ({@code [TASK 1]}) and env names. */
    public int number() {
        return ordinal() + 1;
    }

    public static Optional<Task> byRouteId(String routeId) {
        return Arrays.stream(values()).filter(t -> t.routeId.equals(routeId)).findFirst();
    }
}
