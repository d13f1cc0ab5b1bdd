package io.odooplc.bridge.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * SQL for the {@code task_run} table and the per-task advisory lock. It stays in Java, called by {@link TaskRunPolicy}:
 * the lock is a transaction held open on one connection from the start of a run to its end, around whatever the
 * route does, which a route step cannot hold; and every task route gets it without repeating it in each file.
 */
public class TaskRunStore {

    /** First key of every advisory lock the bridge takes, so its locks never collide with another application's. */
    static final int LOCK_NAMESPACE = 0x0B1D;

    private final DataSource dataSource;
    private final String instance;

    public TaskRunStore(DataSource dataSource, String instance) {
        this.dataSource = dataSource;
        this.instance = instance;
    }

    /**
     * Opens a connection whose open transaction holds the task's advisory lock, or returns null when another run (here
     * or in another bridge instance) holds it. {@link #release} ends the transaction, which releases the lock; a
     * connection that dies releases it too, so a crashed run never leaves the task locked.
     */
    Connection tryLock(int taskNumber) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_NAMESPACE);
            ps.setInt(2, taskNumber);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return c;
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        release(c);
        return null;
    }

    static void release(Connection lock) throws SQLException {
        try (lock) {
            lock.rollback();
        }
    }

    long insertRunning(String task, String trigger, Instant startedAt) throws SQLException {
        return insert(task, trigger, startedAt, null, "RUNNING", null);
    }

    void insertSkipped(String task, String trigger, Instant at) throws SQLException {
        insert(task, trigger, at, at, "SKIPPED", "another run of this task holds the lock");
    }

    private long insert(String task, String trigger, Instant startedAt, Instant finishedAt, String outcome,
            String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into task_run (task, instance, trigger, started_at, finished_at, outcome, error)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, task);
            ps.setString(2, instance);
            ps.setString(3, trigger);
            ps.setTimestamp(4, Timestamp.from(startedAt));
            ps.setTimestamp(5, finishedAt == null ? null : Timestamp.from(finishedAt));
            ps.setString(6, outcome);
            ps.setString(7, error);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest runs of a task, newest first. */
    List<Map<String, Object>> recent(String task, int limit) throws SQLException {
        List<Map<String, Object>> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, instance, trigger, started_at, finished_at, outcome, counts, error from task_run"
                        + " where task = ? order by started_at desc, id desc limit ?")) {
            ps.setString(1, task);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("id", rs.getLong("id"));
                    run.put("instance", rs.getString("instance"));
                    run.put("trigger", rs.getString("trigger"));
                    run.put("startedAt", instant(rs.getTimestamp("started_at")));
                    run.put("finishedAt", instant(rs.getTimestamp("finished_at")));
                    run.put("outcome", rs.getString("outcome"));
                    run.put("counts", rs.getString("counts"));
                    run.put("error", rs.getString("error"));
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    private static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }

    void finish(long id, Instant finishedAt, String outcome, String counts, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update task_run set finished_at = ?, outcome = ?, counts = ?, error = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(finishedAt));
            ps.setString(2, outcome);
            ps.setString(3, counts);
            ps.setString(4, error);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }
}
