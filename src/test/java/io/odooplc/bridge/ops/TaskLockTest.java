package io.odooplc.bridge.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;

import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One run of a task at a time: across concurrent triggers in one bridge and across bridge instances. */
class TaskLockTest {

    private static final String TOKEN = "lock-test-token-123";

    @Test
    void aSecondConcurrentRunIsSkippedAndRecorded() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        String db = s.get("DATABASE_URL");
        try (RunningBridge bridge = RunningBridge.start(s); Connection blocker = TestDatabase.connect(db)) {
            // Hold batch_event so the first run, once it has the task lock, waits in the middle of its work.
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table batch_event in exclusive mode");
            }
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> status(bridge));
            RunningBridge.await("the first run to hold the task lock", Duration.ofSeconds(60),
                    () -> lockHeld(db, 6));
            int second = status(bridge);
            blocker.commit();
            assertThat(second).isEqualTo(409);
            assertThat(first.get()).isEqualTo(200);
        }
        assertThat(outcomes(db)).containsExactlyInAnyOrder("OK", "SKIPPED");
    }

    @Test
    void aRunIsSkippedWhileAnotherInstanceHoldsTheLock() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        String db = s.get("DATABASE_URL");
        try (RunningBridge bridge = RunningBridge.start(s); Connection otherInstance = TestDatabase.connect(db)) {
            otherInstance.setAutoCommit(false);
            try (Statement st = otherInstance.createStatement()) {
                st.execute("select pg_advisory_xact_lock(" + TaskRunStore.LOCK_NAMESPACE + ", 6)");
            }
            assertThat(status(bridge)).isEqualTo(409);
            otherInstance.rollback();
            assertThat(status(bridge)).isEqualTo(200);
        }
        assertThat(outcomes(db)).containsExactly("SKIPPED", "OK");
    }

    private static int status(RunningBridge bridge) {
        try {
            return bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean lockHeld(String db, int task) {
        try (Connection c = TestDatabase.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and classid = "
                        + TaskRunStore.LOCK_NAMESPACE + " and objid = " + task + " and granted")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<String> outcomes(String db) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select outcome from task_run where task = 'task6-log-cleanup' order by id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
