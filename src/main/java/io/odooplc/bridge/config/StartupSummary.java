package io.odooplc.bridge.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The scheduler lines logged at start-up: one per task, then the total, as in the user's scheduler document. */
public final class StartupSummary {

    private StartupSummary() {
    }

    public static List<String> lines(BridgeSettings settings) {
        List<String> lines = new ArrayList<>();
        for (Task task : Task.values()) {
            BridgeSettings.TaskSchedule s = settings.schedule(task);
            String head = "Task " + task.number() + " " + task.routeId() + ": ";
            if (s.enabled()) {
                lines.add(head + "ENABLED, every " + Values.format(s.interval()) + " (" + s.intervalSetting()
                        + "), first run " + Values.format(settings.taskStartDelay()) + " after start");
            } else if (!settings.masterSwitch()) {
                lines.add(head + "DISABLED (" + Task.MASTER_SWITCH + "=false)");
            } else {
                lines.add(head + "DISABLED (" + task.flag() + "=false)");
            }
        }
        long enabled = settings.enabledTaskCount();
        String total = "Scheduler started: " + enabled + "/" + Task.values().length + " tasks enabled";
        if (!settings.masterSwitch()) {
            total += " - all tasks are off because " + Task.MASTER_SWITCH + "=false (run them from the API or Camel CLI)";
        }
        lines.add(total);
        return lines;
    }

    /**
     * Where the two HTTP servers listen, with the addresses they bind (Camel's own endpoint summary shows the API
     * server's host for the management server too, so it is switched off in log4j2.properties).
     *
     * @param apiEndpoints the API's endpoints as {@code VERB /path}
     */
    public static List<String> servers(BridgeSettings settings, Collection<String> apiEndpoints) {
        List<String> lines = new ArrayList<>();
        String api = "http://" + settings.httpHost() + ":" + settings.httpPort();
        lines.add("API server " + api + " (HTTP_HOST, HTTP_PORT): " + apiEndpoints.size() + " endpoints");
        apiEndpoints.stream().sorted().forEach(endpoint -> lines.add("    " + endpoint));
        String management = "http://" + settings.managementHost() + ":" + settings.managementPort();
        lines.add("Management server " + management + " (MANAGEMENT_HOST, MANAGEMENT_PORT): " + management
                + "/observe/health, " + management + "/observe/metrics");
        return lines;
    }
}
