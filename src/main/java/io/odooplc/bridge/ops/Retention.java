package io.odooplc.bridge.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 6: deletes task-run records and the state-change events of archived batches (SYNCED or CANCELLED) older than
 * {@code LOG_RETENTION_DAYS}, always keeping the newest {@code LOG_CLEANUP_KEEP_LAST} of each. Batches and equipment
 * failures themselves are never deleted here.
 */
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private static final String DELETE_RUNS = """
            delete from task_run
             where started_at < now() - make_interval(days => ?)
               and outcome <> 'RUNNING'
               and id not in (select id from task_run order by started_at desc, id desc limit ?)""";

    private static final String DELETE_EVENTS = """
            delete from batch_event e
             where e.at < now() - make_interval(days => ?)
               and e.id not in (select id from batch_event order by at desc, id desc limit ?)
               and exists (select 1 from batch b where b.id = e.batch_id and b.state in ('SYNCED', 'CANCELLED'))""";

    private final DataSource dataSource;
    private final int retentionDays;
    private final int keepLast;

    public Retention(DataSource dataSource, int retentionDays, int keepLast) {
        this.dataSource = dataSource;
        this.retentionDays = retentionDays;
        this.keepLast = keepLast;
    }

    public void prune(Exchange exchange) throws SQLException {
        if (retentionDays < 1) {
            LOG.warn("[task6-log-cleanup] LOG_RETENTION_DAYS={} (< 1): deletion is disabled, nothing deleted",
                    retentionDays);
            TaskCounts.put(exchange, "disabled", 1);
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int runs = delete(c, DELETE_RUNS);
            int events = delete(c, DELETE_EVENTS);
            c.commit();
            TaskCounts.put(exchange, "deleted_runs", runs);
            TaskCounts.put(exchange, "deleted_events", events);
            TaskCounts.put(exchange, "retention_days", retentionDays);
            TaskCounts.put(exchange, "keep_last", keepLast);
        }
    }

    private int delete(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, retentionDays);
            ps.setInt(2, keepLast);
            return ps.executeUpdate();
        }
    }
}
