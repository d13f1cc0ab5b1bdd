package io.odooplc.bridge.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.BridgeMain;
import io.odooplc.bridge.config.DatabaseUrl;
import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.PlcSimulator;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM killed (SIGKILL) in task 1 after the PLC got the recipes and before the database said WRITTEN: the next
 * bridge recognises the recipes in the PLC, marks them WRITTEN without writing again, and the plant produces each MO
 * once.
 */
class MoSyncKillTest {

    private static final String TOKEN = "kill-test-token-1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBridgeKilledBetweenWriteAndCommitNeverMakesThePlantProduceTwice() throws Exception {
        try (PlcSimulator plc = PlcSimulator.onFreeLoopbackPort(Duration.ofMillis(300));
                FakeOdoo odoo = FakeOdoo.withSampleStock()) {
            plc.start();
            odoo.start();
            Map<String, String> settings = RunningBridge.testSettings();
            settings.putAll(Map.of("ADMIN_TOKEN", TOKEN, "PLC_URL", "modbus-tcp://127.0.0.1:" + plc.port(),
                    "PLC_TIMEOUT_SEC", "5", "SYNC_BATCH_LIMIT", "3"));
            RunningBridge.useOdoo(settings, odoo);
            Sql sql = new Sql(settings.get("DATABASE_URL"));

            Process bridge = startKillableBridge(settings, sql);
            try {
                RunningBridge.await("the plant to take the recipes of the doomed run", Duration.ofMinutes(3),
                        // Running or already done: a slow machine may look only after the short batches ended.
                        () -> plc.image().get(7076) == 1
                                && (plc.plant().runningSlot().isPresent() || plc.plant().finishedBatches() > 0));
                assertThat(bridge.isAlive()).as("still inside the stalled WRITTEN commit").isTrue();
            } finally {
                bridge.destroyForcibly();
                bridge.waitFor(10, TimeUnit.SECONDS);
            }
            RunningBridge.await("the dead bridge's transaction to end", Duration.ofSeconds(60),
                    () -> activeSleeps(sql) == 0);
            assertThat(sql.longValue("select count(*) from batch where state = 'STAGED'")).isEqualTo(3);

            try (RunningBridge next = RunningBridge.start(settings)) {
                JsonNode run = JSON.readTree(next.post("/api/tasks/task1-mo-sync/run", TOKEN).body());
                assertThat(run.get("run").asText()).as(run.toString()).isEqualTo("OK");
                assertThat(sql.longValue("select count(*) from batch where state = 'WRITTEN'")).isEqualTo(3);
                RunningBridge.await("the plant to finish the three batches", Duration.ofSeconds(60),
                        () -> plc.plant().finishedBatches() == 3);
                Thread.sleep(1500);
                assertThat(plc.plant().finishedBatches()).as("each MO produced once").isEqualTo(3);
                assertThat(plc.plant().queuedBatches()).isZero();
            }
        }
    }

    /** A bridge in its own JVM whose first task 1 run stalls in the WRITTEN update, so the test can kill it there. */
    private static Process startKillableBridge(Map<String, String> settings, Sql sql) throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", settings.get("DATABASE_URL"));
        try (Database schema = new Database(url.jdbcUrl(), url.user(), url.password(), "test")) {
            schema.ensureReady();
        }
        // WRITTEN is one statement in autocommit: a server that does not notice its client died would finish it and
        // commit, which is as safe (the PLC has the recipes). This test wants the other outcome, the rollback, so the
        // server checks its client while the statement stalls.
        sql.exec("do $$ begin execute format('alter database %I set client_connection_check_interval = 100',"
                + " current_database()); end $$");
        sql.exec("""
                create sequence stall_once;
                create function stall_written() returns trigger language plpgsql as $$
                begin
                  if new.state = 'WRITTEN' and nextval('stall_once') = 1 then
                    perform pg_sleep(5);
                  end if;
                  return new;
                end $$;
                create trigger stall_written before update on batch for each row execute function stall_written();
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BridgeMain.class.getName()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(settings);
        for (String other : List.of("ENABLE_TASK_2_PLC_READ", "ENABLE_TASK_3_PROCESS_COMPLETED",
                "ENABLE_TASK_4_HEALTH_MONITOR", "ENABLE_TASK_5_EQUIPMENT_FAILURE", "ENABLE_TASK_6_LOG_CLEANUP")) {
            pb.environment().put(other, "false");
        }
        // The first run after Camel has started: a timer that fires while Camel is still starting makes the run
        // wait for the start, which this test does not mean to measure.
        pb.environment().put("TASK_START_DELAY", "2s");
        return pb.start();
    }

    private static long activeSleeps(Sql sql) {
        try {
            return sql.longValue("select count(*) from pg_stat_activity where query like '%update batch set state%'"
                    + " and state <> 'idle' and pid <> pg_backend_pid()");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
