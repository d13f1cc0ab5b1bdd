package io.odooplc.bridge.ops;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    private static final int DEFAULT_RUNS = 50;
    private static final int MAX_RUNS = 1000;

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
    public record TaskList(boolean masterSwitch, List<TaskStatus> tasks) {
    }

    /**
     * One task in the API's answers (the console reads these names). {@code run} is the outcome of a run the request
     * asked for, absent from other answers.
     */
    public record TaskStatus(String routeId, String title, boolean configuredEnabled, String configuredBy,
            String status, long intervalMillis, String interval, RunView lastRun, String nextRunAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String run) {

        TaskStatus withRun(String outcome) {
            return new TaskStatus(routeId, title, configuredEnabled, configuredBy, status, intervalMillis, interval,
                    lastRun, nextRunAt, outcome);
        }
    }

    /** The last run as the API shows it: times as ISO-8601 text. */
    public record RunView(String startedAt, String finishedAt, String outcome, String trigger, String counts,
            String error) {

        static RunView of(TaskRunTracker.LastRun run) {
            return new RunView(run.startedAt().toString(),
                    run.finishedAt() == null ? null : run.finishedAt().toString(), run.outcome(), run.trigger(),
                    run.counts(), run.error());
        }
    }

    /** {@code GET /api/tasks/{routeId}/runs}: the task's recorded runs, newest first. */
    public record TaskRuns(String routeId, List<Map<String, Object>> runs) {
    }

    public TaskList list() {
        return new TaskList(settings.masterSwitch(), Arrays.stream(Task.values()).map(this::status).toList());
    }

    TaskStatus status(Task task) {
        BridgeSettings.TaskSchedule schedule = settings.schedule(task);
        ServiceStatus routeStatus = context.getRouteController().getRouteStatus(task.routeId());
        boolean running = routeStatus != null && routeStatus.isStarted();
        return new TaskStatus(task.routeId(), task.title(), schedule.enabled(),
                !settings.masterSwitch() ? Task.MASTER_SWITCH + "=false" : task.flag() + "=" + schedule.flag(),
                routeStatus == null ? "Missing" : routeStatus.name(), schedule.interval().toMillis(),
                Values.format(schedule.interval()), tracker.lastRun(task).map(RunView::of).orElse(null),
                running ? nextRun(task).map(Instant::toString).orElse(null) : null, null);
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
    public Object runs(Exchange exchange) throws Exception {
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "routeId");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        String routeId = exchange.getMessage().getHeader("routeId", String.class);
        if (Task.byRouteId(routeId).isEmpty()) {
            return ApiExchange.error(exchange, 404, "no task with route id '" + routeId + "'");
        }
        Integer limit = ApiExchange.number(exchange.getMessage(), "limit", DEFAULT_RUNS, 1, MAX_RUNS);
        if (limit == null) {
            return ApiExchange.error(exchange, 400, "limit must be a whole number 1.." + MAX_RUNS);
        }
        return new TaskRuns(routeId, runs.recent(routeId, limit));
    }

    /** {@code POST /api/tasks/{routeId}/{action}}: start, stop or run. */
    public Object control(Exchange exchange) throws Exception {
        ApiAccess.Verdict verdict = access.check(exchange);
        if (!verdict.allowed()) {
            return ApiExchange.error(exchange, verdict.status(), verdict.reason());
        }
        String repeated = ApiExchange.repeatedPathParameter(exchange.getMessage(), "routeId", "action");
        if (repeated != null) {
            return ApiExchange.repeated(exchange, repeated);
        }
        String routeId = exchange.getMessage().getHeader("routeId", String.class);
        String action = exchange.getMessage().getHeader("action", String.class);
        Optional<Task> task = Task.byRouteId(routeId);
        if (task.isEmpty()) {
            return ApiExchange.error(exchange, 404, "no task with route id '" + routeId + "'");
        }
        switch (action) {
            case "start" -> context.getRouteController().startRoute(routeId);
            case "stop" -> context.getRouteController().stopRoute(routeId);
            case "run" -> {
                return runNow(exchange, task.get());
            }
            default -> {
                return ApiExchange.error(exchange, 404, "unknown action '" + action + "': use start, stop or run");
            }
        }
        return status(task.get());
    }

    /** One run now: 200 when it went through, 409 when another run held the lock, 502 when it failed. */
    private TaskStatus runNow(Exchange request, Task task) {
        Exchange run = ExchangeBuilder.anExchange(context).withProperty(TaskRunPolicy.TRIGGER, "MANUAL").build();
        Exchange done = producer().send(task.workEndpoint(), run);
        String outcome = done.getProperty(TaskRunPolicy.OUTCOME, "FAILED", String.class);
        if ("SKIPPED".equals(outcome)) {
            request.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 409);
        } else if ("FAILED".equals(outcome)) {
            request.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 502);
        }
        return status(task).withRun(outcome);
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
