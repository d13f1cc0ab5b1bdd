package io.odooplc.bridge.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.config.Task;
import io.odooplc.bridge.config.Values;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.ExchangeBuilder;

/** The task API behind {@code /api/tasks}: status of every task, and start, stop or run one now. */
public class TaskApi {

    private final CamelContext context;
    private final BridgeSettings settings;
    private final TaskRunTracker tracker;
    private final ApiAccess access;
    private final TaskRunStore runs;
    private ProducerTemplate producer;

    public TaskApi(CamelContext context, BridgeSettings settings, TaskRunTracker tracker, ApiAccess access,
            TaskRunStore runs) {
        this.context = context;
        this.settings = settings;
        this.tracker = tracker;
        this.access = access;
        this.runs = runs;
    }

    /** {@code GET /api/tasks}. */
    public Map<String, Object> list() {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Task task : Task.values()) {
            tasks.add(status(task));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("masterSwitch", settings.masterSwitch());
        out.put("tasks", tasks);
        return out;
    }

    Map<String, Object> status(Task task) {
        BridgeSettings.TaskSchedule schedule = settings.schedule(task);
        ServiceStatus routeStatus = context.getRouteController().getRouteStatus(task.routeId());
        boolean running = routeStatus != null && routeStatus.isStarted();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("routeId", task.routeId());
        s.put("title", task.title());
        s.put("configuredEnabled", schedule.enabled());
        s.put("configuredBy", !settings.masterSwitch() ? Task.MASTER_SWITCH + "=false"
                : task.flag() + "=" + schedule.flag());
        s.put("status", routeStatus == null ? "Missing" : routeStatus.name());
        s.put("intervalMillis", schedule.interval().toMillis());
        s.put("interval", Values.format(schedule.interval()));
        Optional<TaskRunTracker.LastRun> last = tracker.lastRun(task);
        s.put("lastRun", last.map(TaskApi::describe).orElse(null));
        s.put("nextRunAt", running ? nextRun(task).map(Instant::toString).orElse(null) : null);
        return s;
    }

    private static Map<String, Object> describe(TaskRunTracker.LastRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", run.startedAt().toString());
        m.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        m.put("outcome", run.outcome());
        m.put("trigger", run.trigger());
        m.put("counts", run.counts());
        m.put("error", run.error());
        return m;
    }

    /** The timer fires {@code TASK_START_DELAY} after the route starts, then every interval. */
    private Optional<Instant> nextRun(Task task) {
        long interval = settings.schedule(task).interval().toMillis();
        Optional<Instant> lastFire = tracker.lastTimerFire(task);
        if (lastFire.isPresent()) {
            return Optional.of(lastFire.get().plusMillis(interval));
        }
        Route route = context.getRoute(task.routeId());
        if (route == null) {
            return Optional.empty();
        }
        long startedAgo = route.getUptimeMillis();
        return Optional.of(Instant.now().minusMillis(startedAgo).plus(settings.taskStartDelay()));
    }

    /** {@code GET /api/tasks/{routeId}/runs?limit=N}: the task's recorded runs, newest first (default 50, max 1000). */
    public Map<String, Object> runs(Exchange exchange) throws Exception {
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "routeId");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        String routeId = exchange.getMessage().getHeader("routeId", String.class);
        if (Task.byRouteId(routeId).isEmpty()) {
            return error(exchange, 404, "no task with route id '" + routeId + "'");
        }
        String limitText = exchange.getMessage().getHeader("limit", "50", String.class);
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 1000) {
            return error(exchange, 400, "limit must be a whole number from 1 to 1000, not '" + limitText + "'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("routeId", routeId);
        out.put("runs", runs.recent(routeId, limit));
        return out;
    }

    /** {@code POST /api/tasks/{routeId}/{action}}: start, stop or run. */
    public Map<String, Object> control(Exchange exchange) throws Exception {
        ApiAccess.Verdict verdict = access.check(exchange);
        if (!verdict.allowed()) {
            return error(exchange, verdict.status(), verdict.reason());
        }
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "routeId", "action");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        String routeId = exchange.getMessage().getHeader("routeId", String.class);
        String action = exchange.getMessage().getHeader("action", String.class);
        Optional<Task> task = Task.byRouteId(routeId);
        if (task.isEmpty()) {
            return error(exchange, 404, "no task with route id '" + routeId + "'");
        }
        switch (action) {
            case "start" -> context.getRouteController().startRoute(routeId);
            case "stop" -> context.getRouteController().stopRoute(routeId);
            case "run" -> {
                return runNow(exchange, task.get());
            }
            default -> {
                return error(exchange, 404, "unknown action '" + action + "': use start, stop or run");
            }
        }
        return status(task.get());
    }

    /** One run now: 200 when it went through, 409 when another run held the lock, 502 when it failed. */
    private Map<String, Object> runNow(Exchange request, Task task) {
        Exchange run = ExchangeBuilder.anExchange(context).withProperty(TaskRunPolicy.TRIGGER, "MANUAL").build();
        Exchange done = producer().send(task.workEndpoint(), run);
        String outcome = done.getProperty(TaskRunPolicy.OUTCOME, "FAILED", String.class);
        if ("SKIPPED".equals(outcome)) {
            request.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 409);
        } else if ("FAILED".equals(outcome)) {
            request.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 502);
        }
        Map<String, Object> out = status(task);
        out.put("run", outcome);
        return out;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }

    private static Map<String, Object> error(Exchange exchange, int status, String reason) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", reason);
        return out;
    }
}
