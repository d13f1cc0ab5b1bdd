package io.odooplc.bridge.ops;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Task 6: old records go, the newest N stay, and nothing of a batch that is not archived is touched. */
class RetentionTest {

    private static final String TOKEN = "retention-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> settings(String days, String keep) {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("LOG_RETENTION_DAYS", days);
        s.put("LOG_CLEANUP_KEEP_LAST", keep);
        return s;
    }

    @Test
    void deletesOldRecordsKeepingTheNewestAndTheUnarchived() throws Exception {
        Map<String, String> s = settings("30", "3");
        Sql sql = new Sql(s.get("DATABASE_URL"));
        try (RunningBridge bridge = RunningBridge.start(s)) {
            for (int age = 31; age <= 40; age++) {
                sql.exec("insert into task_run (task, instance, trigger, started_at, finished_at, outcome) values "
                        + "('task2-plc-read', 'old', 'TIMER', now() - interval '" + age + " days', now() - interval '"
                        + age + " days', 'OK')");
            }
            sql.exec("insert into task_run (task, instance, trigger, started_at, outcome) values "
                    + "('task2-plc-read', 'recent', 'TIMER', now() - interval '1 day', 'OK')");
            long synced = sql.batch("WH/MO/00031", 1, "SYNCED", "", "");
            long running = sql.batch("WH/MO/00032", 2, "RUNNING", "", "");
            long attention = sql.batch("WH/MO/00033", 3, "NEEDS_ATTENTION", "", "");
            for (long id : new long[] {synced, running, attention}) {
                for (int age = 35; age <= 39; age++) {
                    sql.exec("insert into batch_event (batch_id, at, to_state) values (" + id + ", now() - interval '"
                            + age + " days', 'STAGED')");
                }
            }

            JsonNode body = JSON.readTree(bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN).body());
            assertThat(body.get("run").asText()).isEqualTo("OK");
            assertThat(body.get("lastRun").get("counts").asText()).contains("deleted_runs=9", "deleted_events=4");

            // The newest 3 runs stay: the recent one, this run itself, and the youngest old one.
            assertThat(sql.longValue("select count(*) from task_run where instance = 'old'")).isEqualTo(1);
            assertThat(sql.longValue("select count(*) from task_run where instance = 'recent'")).isEqualTo(1);
            // The newest 3 events overall (one per batch) stay; of the rest only the archived batch's go.
            assertThat(sql.longValue("select count(*) from batch_event where batch_id = " + synced)).isEqualTo(1);
            assertThat(sql.longValue("select count(*) from batch_event where batch_id = " + running)).isEqualTo(5);
            assertThat(sql.longValue("select count(*) from batch_event where batch_id = " + attention)).isEqualTo(5);
            assertThat(sql.longValue("select count(*) from batch")).isEqualTo(3);
        }
    }

    @Test
    void retentionBelowOneDayDeletesNothingAndSaysSo() throws Exception {
        Map<String, String> s = settings("0", "0");
        Sql sql = new Sql(s.get("DATABASE_URL"));
        try (RunningBridge bridge = RunningBridge.start(s)) {
            sql.exec("insert into task_run (task, instance, trigger, started_at, outcome) values "
                    + "('task2-plc-read', 'old', 'TIMER', now() - interval '400 days', 'OK')");
            JsonNode body = JSON.readTree(bridge.post("/api/tasks/task6-log-cleanup/run", TOKEN).body());
            assertThat(body.get("lastRun").get("counts").asText()).isEqualTo("disabled=1");
            assertThat(sql.longValue("select count(*) from task_run where instance = 'old'")).isEqualTo(1);
        }
    }
}
