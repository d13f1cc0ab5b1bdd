package io.odooplc.bridge.plcio;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/task-errors.camel.yaml hands each kind of task failure to its owner: a database or Odoo failure ends the run
 * without passing for a PLC failure, even when the run wrote to the PLC just before.
 */
class TaskErrorKindsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, Integer> PLAN = Map.of(101, 300);

    @Test
    void aDatabaseFailureAfterThePlcWriteLeavesThePlcHealthyAndTheNextRunFindsTheRecipesThere() throws Exception {
        try (PlcBench bench = PlcBench.start(Duration.ofSeconds(30))) {
            long id = bench.insertBatch(1, "WH/MO/00011", "STAGED", PLAN);
            // A real PostgreSQL error at the commit that follows the write: the batch may not become WRITTEN.
            sql(bench, "create function refuse_written() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'test refuses WRITTEN'; end $$; "
                    + "create trigger refuse_written before update on batch for each row "
                    + "when (new.state = 'WRITTEN') execute function refuse_written()");

            JsonNode failed = runTask1(bench);
            assertThat(failed.get("run").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("lastRun").get("error").asText()).contains("test refuses WRITTEN")
                    .doesNotContain("write to");
            assertThat(bench.bridge.healthCheck("plc").get("status").asText()).isEqualTo("UP");
            assertThat(plcFailures(bench)).as("PLC failures counted").isZero();
            assertThat(writeArea(bench).heldMoNames()).containsExactly("WH/MO/00011");
            assertThat(bench.row("select state from batch where id = " + id)).isEqualTo("STAGED");

            sql(bench, "drop trigger refuse_written on batch");
            JsonNode ok = runTask1(bench);
            assertThat(ok.get("run").asText()).as(ok.toString()).isEqualTo("OK");
            assertThat(bench.row("select state from batch where id = " + id)).isEqualTo("WRITTEN");
        }
    }

    @Test
    void anOdooFailureIsLeftToTheOdooSideAndLeavesThePlcHealthy() throws Exception {
        try (PlcBench bench = PlcBench.start(Duration.ofSeconds(30))) {
            assertThat(bench.runTask2().get("run").asText()).isEqualTo("OK");

            // The test settings point Odoo at a closed loopback port.
            JsonNode failed = runTask1(bench);
            assertThat(failed.get("run").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("lastRun").get("error").asText()).contains("OdooCallFailedException: cannot list MOs from Odoo");
            assertThat(bench.bridge.healthCheck("odoo").get("status").asText()).isEqualTo("DOWN");
            assertThat(bench.bridge.healthCheck("plc").get("status").asText()).isEqualTo("UP");
            assertThat(plcFailures(bench)).as("PLC failures counted").isZero();
        }
    }

    private static JsonNode runTask1(PlcBench bench) throws Exception {
        return JSON.readTree(bench.bridge.post("/api/tasks/task1-mo-sync/run", PlcBench.TOKEN).body());
    }

    private static WriteAreaState writeArea(PlcBench bench) {
        return bench.bridge.context().createProducerTemplate().requestBody("direct:plc-read-write-area", null,
                WriteAreaState.class);
    }

    /** bridge_plc_failures_total over all operations, from the Prometheus text. */
    private static double plcFailures(PlcBench bench) throws Exception {
        return bench.bridge.management("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("bridge_plc_failures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void sql(PlcBench bench, String statements) throws Exception {
        try (Connection c = TestDatabase.connect(bench.db); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }
}
