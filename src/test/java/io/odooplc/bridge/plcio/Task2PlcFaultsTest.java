package io.odooplc.bridge.plcio;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Task 2 under the simulator's fault switches: nothing wrong reaches the database, and a lost PLC comes back. */
class Task2PlcFaultsTest {

    private static final Map<Integer, Integer> PLAN = Map.of(101, 300, 102, 200);
    private static final String SNAPSHOT = "select md5(string_agg(b::text, ',' order by b.id)) || "
            + "(select md5(string_agg(c::text, ',' order by c.batch_id, c.equipment_id)) from batch_component c) "
            + "from batch b";
    private static PlcBench bench;

    @BeforeAll
    static void start() throws Exception {
        bench = PlcBench.start(Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() throws Exception {
        bench.close();
    }

    @Test
    void faultySlotsKeepTheirBadValuesOutOfTheDatabase() throws Exception {
        long good = bench.insertBatch(1, "WH/MO/00021", "WRITTEN", PLAN);
        long excess = bench.insertBatch(2, "WH/MO/00022", "WRITTEN", PLAN);
        long failing = bench.insertBatch(3, "WH/MO/00023", "WRITTEN", PLAN);
        long otherMo = bench.insertBatch(4, "WH/MO/00024", "WRITTEN", PLAN);
        long garbled = bench.insertBatch(5, "WH/MO/00025", "WRITTEN", PLAN);
        bench.sim.plant().reportExcessConsumption(2);
        bench.sim.plant().failBatch(3);
        bench.sim.plant().reportMoName(4, "WH/MO/09999");
        bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00021", PLAN), PlcBench.recipe(2, "WH/MO/00022", PLAN),
                PlcBench.recipe(3, "WH/MO/00023", PLAN), PlcBench.recipe(4, "WH/MO/00024", PLAN),
                PlcBench.recipe(5, "WH/MO/00025", PLAN)));
        RunningBridge.await("the plant to run all five batches", Duration.ofSeconds(60),
                () -> bench.sim.plant().finishedBatches() + bench.sim.plant().failedBatches() == 5);
        bench.sim.plant().garbleReadSlot(5);

        JsonNode run = bench.runTask2();
        assertThat(run.get("run").asText()).isEqualTo("OK");
        assertThat(run.get("lastRun").get("counts").asText())
                .contains("matched=3", "completed=2", "failed=1", "skipped_other_mo=1", "acked=2");

        assertThat(bench.row("select state, plc_failed from batch where id = " + good)).isEqualTo("COMPLETED|f");
        // 7500 kg from silo 101 is above the 5000 kg limit: rejected; the slot's other values still count.
        assertThat(bench.row(actual(excess, 101))).isEqualTo("null");
        assertThat(bench.row(actual(excess, 102))).isEqualTo(bench.simActualKg(2, 102).setScale(3).toPlainString());
        assertThat(bench.row("select state from batch where id = " + excess)).isEqualTo("COMPLETED");
        // A failed batch keeps its state, flagged for task 3's auto-cancel, and is not acknowledged.
        assertThat(bench.row("select state, plc_failed, failure_reason from batch where id = " + failing))
                .isEqualTo("RUNNING|t|PLC reported Status Operation = 1 (batch failed) in READ slot 3");
        assertThat(bench.sim.image().get(6276)).isZero();
        // Another MO in slot 4 and garbage in slot 5 match nothing: both batches stay as written, without actuals.
        for (long untouched : new long[] {otherMo, garbled}) {
            assertThat(bench.row("select state, last_plc_read_at, actual_weight_kg from batch where id = " + untouched))
                    .isEqualTo("WRITTEN|null|null");
            assertThat(bench.row("select count(actual_kg) from batch_component where batch_id = " + untouched))
                    .isEqualTo("0");
        }
        assertThat(bench.sim.image().get(6376)).isZero();
        assertThat(bench.sim.image().get(6476)).isZero();
        String metrics = bench.bridge.management("/observe/metrics").body();
        assertThat(metrics).contains("bridge_rejected_values_total{field=\"eq101_consumption\"}")
                .contains("bridge_rejected_values_total{field=\"mo\"}")
                .contains("bridge_plc_requests_total{operation=\"read\"}");
    }

    @Test
    void aPlcThatIsDownSlowOrDroppingFailsTheRunChangesNothingAndRecovers() throws Exception {
        bench.insertBatch(9, "WH/MO/00029", "RUNNING", PLAN);
        assertThat(bench.runTask2().get("run").asText()).isEqualTo("OK");
        assertThat(bench.health()).contains("\"plc\"");

        bench.sim.stop();
        assertFailsWithoutChange("no answer");
        bench.sim.start();
        assertRecovers();

        // Past PlcBench's PLC_TIMEOUT_SEC (5 s) however busy the machine is: the delay is a floor.
        bench.sim.server().setResponseDelay(Duration.ofSeconds(7));
        assertFailsWithoutChange("tags D");
        bench.sim.server().setResponseDelay(Duration.ZERO);
        assertRecovers();

        bench.sim.server().setDropRequests(true);
        assertFailsWithoutChange("no answer");
        bench.sim.server().setDropRequests(false);
        assertRecovers();

        bench.sim.server().dropConnections();
        assertRecovers();
    }

    private static void assertFailsWithoutChange(String why) throws Exception {
        String before = bench.row(SNAPSHOT);
        JsonNode run = bench.runTask2();
        assertThat(run.get("run").asText()).isEqualTo("FAILED");
        assertThat(run.get("lastRun").get("error").asText())
                .contains("READ cycle from modbus-tcp://127.0.0.1:" + bench.sim.port() + " failed", why);
        assertThat(bench.row(SNAPSHOT)).isEqualTo(before);
        assertThat(bench.health()).containsPattern("\"plc\"[^}]*\"status\" *: *\"DOWN\"");
    }

    private static void assertRecovers() throws Exception {
        JsonNode run = bench.runTask2();
        assertThat(run.get("run").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(bench.health()).containsPattern("\"plc\"[^}]*\"status\" *: *\"UP\"");
    }

    private static String actual(long batch, int equipment) {
        return "select actual_kg from batch_component where batch_id = " + batch + " and equipment_id = " + equipment;
    }
}
