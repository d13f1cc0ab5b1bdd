package io.odooplc.bridge.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.odooplc.bridge.config.Task;
import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.db.DatabaseUnavailableException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every run of a task's work route: one run at a time cluster-wide (a PostgreSQL advisory lock per task; a run
 * that finds it held is skipped and counted), each run recorded in {@code task_run}, and one summary line per run.
 * Work routes use it as {@code routePolicy: taskRunPolicy} and are named {@code <task route id>-work}.
 */
public class TaskRunPolicy extends RoutePolicySupport {

    /** Exchange property naming how the run was triggered: TIMER (default) or MANUAL. */
    public static final String TRIGGER = "bridgeTrigger";
    /** Exchange property set to the outcome when the run ends: OK, FAILED or SKIPPED. */
    public static final String OUTCOME = "bridgeOutcome";

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunPolicy.class);
    private static final String LOCK = "bridgeTaskLock";
    private static final String RUN_ID = "bridgeTaskRunId";
    private static final String STARTED = "bridgeTaskStarted";
    private static final Duration STARTING_WAIT = Duration.ofSeconds(60);

    private final Database database;
    private final TaskRunStore store;
    private final TaskRunTracker tracker;
    private final BridgeMetrics metrics;

    public TaskRunPolicy(Database database, TaskRunStore store, TaskRunTracker tracker, BridgeMetrics metrics) {
        this.database = database;
        this.store = store;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Task task = taskOf(route);
        awaitStarted(exchange.getContext());
        String trigger = exchange.getProperty(TRIGGER, "TIMER", String.class);
        Instant now = Instant.now();
        exchange.setProperty(STARTED, now);
        tracker.started(task, now, trigger);
        try {
            database.ensureReady();
            Connection lock = store.tryLock(task.number());
            if (lock == null) {
                skip(task, trigger, now, exchange);
                return;
            }
            exchange.setProperty(LOCK, lock);
            exchange.setProperty(RUN_ID, store.insertRunning(task.routeId(), trigger, now));
        } catch (SQLException | DatabaseUnavailableException e) {
            // A policy's exception would be ignored by Camel: fail the exchange so the run stops here.
            exchange.setException(new DatabaseUnavailableException("cannot start run, database unavailable: "
                    + Database.rootMessage(e)));
        }
    }

    /**
     * A timer can fire before Camel has finished starting (for seconds under camel run): an endpoint a run uses first
     * then has its start deferred to a start-up step that is already past, and fails every later run. So a run waits.
     */
    private static void awaitStarted(CamelContext context) {
        long end = System.nanoTime() + STARTING_WAIT.toNanos();
        while (context.getStatus().isStarting() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void skip(Task task, String trigger, Instant now, Exchange exchange) throws SQLException {
        exchange.setProperty(OUTCOME, "SKIPPED");
        exchange.setRouteStop(true);
        store.insertSkipped(task.routeId(), trigger, now);
        tracker.finished(task, now, now, "SKIPPED", trigger, null, "another run of this task holds the lock");
        runs(task, "SKIPPED").increment();
        LOG.info("run skipped: another run of this task holds the lock");
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Task task = taskOf(route);
        if ("SKIPPED".equals(exchange.getProperty(OUTCOME))) {
            return;
        }
        Instant started = exchange.getProperty(STARTED, Instant.class);
        Instant now = Instant.now();
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String outcome = failure == null ? "OK" : "FAILED";
        String error = failure == null ? null : Database.rootMessage(failure);
        String counts = TaskCounts.format(exchange);
        String trigger = exchange.getProperty(TRIGGER, "TIMER", String.class);
        exchange.setProperty(OUTCOME, outcome);
        record(exchange, now, outcome, counts, error);
        tracker.finished(task, started, now, outcome, trigger, counts, error);
        Duration took = Duration.between(started, now);
        runs(task, outcome).increment();
        Timer.builder("bridge_task_run_seconds").tag("task", task.routeId()).register(metrics.registry()).record(took);
        if (failure == null) {
            LOG.info("run OK in {} ms{}", took.toMillis(), counts.isEmpty() ? "" : ": " + counts);
        } else {
            LOG.error("run FAILED after {} ms: {}{}", took.toMillis(), error,
                    counts.isEmpty() ? "" : " (" + counts + ")");
        }
    }

    private void record(Exchange exchange, Instant now, String outcome, String counts, String error) {
        Long runId = exchange.getProperty(RUN_ID, Long.class);
        Connection lock = exchange.getProperty(LOCK, Connection.class);
        try {
            if (runId != null) {
                store.finish(runId, now, outcome, counts, error);
            }
        } catch (SQLException e) {
            LOG.warn("could not record the run's end: {}", Database.rootMessage(e));
        } finally {
            if (lock != null) {
                release(lock);
            }
        }
    }

    private static void release(Connection lock) {
        try {
            TaskRunStore.release(lock);
        } catch (SQLException e) {
            // The pool drops a broken connection; the server then ends its transaction and the lock with it.
            LOG.debug("releasing the task lock: {}", e.getMessage());
        }
    }

    private Counter runs(Task task, String outcome) {
        return Counter.builder("bridge_task_runs_total").tag("task", task.routeId()).tag("outcome", outcome)
                .register(metrics.registry());
    }

    private static Task taskOf(Route route) {
        String id = route.getRouteId();
        return Task.byRouteId(id.endsWith("-work") ? id.substring(0, id.length() - "-work".length()) : id)
                .orElseThrow(() -> new IllegalStateException("taskRunPolicy is for task work routes, not " + id));
    }
}
