package io.odooplc.bridge.ops;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.odooplc.bridge.config.Task;

/** The last run of each task as this bridge saw it, for the task API; the full history is in {@code task_run}. */
public class TaskRunTracker {

    /** One finished (or running) run. {@code finishedAt} and {@code outcome} are null while it runs. */
    public record LastRun(Instant startedAt, Instant finishedAt, String outcome, String trigger, String counts,
            String error) {
    }

    private final Map<Task, LastRun> lastRuns = new ConcurrentHashMap<>();
    private final Map<Task, Instant> lastTimerFires = new ConcurrentHashMap<>();

    void started(Task task, Instant at, String trigger) {
        lastRuns.put(task, new LastRun(at, null, "RUNNING", trigger, null, null));
        if ("TIMER".equals(trigger)) {
            lastTimerFires.put(task, at);
        }
    }

    void finished(Task task, Instant startedAt, Instant at, String outcome, String trigger, String counts,
            String error) {
        lastRuns.put(task, new LastRun(startedAt, at, outcome, trigger, counts, error));
        if ("TIMER".equals(trigger)) {
            lastTimerFires.put(task, startedAt);
        }
    }

    public Optional<LastRun> lastRun(Task task) {
        return Optional.ofNullable(lastRuns.get(task));
    }

    public Optional<Instant> lastTimerFire(Task task) {
        return Optional.ofNullable(lastTimerFires.get(task));
    }
}
