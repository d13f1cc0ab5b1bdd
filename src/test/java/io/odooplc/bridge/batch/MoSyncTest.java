package io.odooplc.bridge.batch;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.Plant;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Task 1's failure modes: a PLC that is not ready, a crash after the write, an Odoo that is down, a busy queue. */
class MoSyncTest {

    /** A slow plant: batches wait long enough for the test to look at them. */
    private static final Duration LONG_BATCH = Duration.ofSeconds(30);

    @Test
    void aPlcThatHasNotTakenTheLastRecipesGetsNothingAndTheSameBatchesAreRetried() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), LONG_BATCH, Map.of("SYNC_BATCH_LIMIT", "3"))) {
            // Recipes of an earlier round still waiting in the PLC: D7076 = 0 and slot 1 holds an MO.
            plant.plc.plant().stop();
            plant.plc.image().write(7001, 0x5748, 0x2F4F, 0x4C44);
            plant.plc.image().set(7076, 0);

            JsonNode refused = plant.run("task1-mo-sync");
            assertThat(refused.get("run").asText()).isEqualTo("FAILED");
            assertThat(refused.get("lastRun").get("error").asText()).contains("PLC not ready");
            assertThat(plant.count("state = 'STAGED'")).isEqualTo(3);
            assertThat(plant.count("state = 'WRITTEN'")).isZero();
            assertThat(plant.plc.image().get(7001)).isEqualTo(0x5748);

            plant.plc.image().set(7076, 1);
            JsonNode retried = plant.run("task1-mo-sync");
            assertThat(retried.get("run").asText()).isEqualTo("OK");
            assertThat(retried.get("lastRun").get("counts").asText()).contains("retried=3", "written=3");
            assertThat(plant.count("state = 'WRITTEN'")).isEqualTo(3);
            assertThat(plant.odoo.calls(OdooEndpoint.MO_LIST)).as("no new fetch while staged batches wait").hasSize(1);
            assertThat(plant.plc.image().get(7076)).isZero();
        }
    }

    @Test
    void aCrashAfterTheWriteNeverMakesThePlantProduceAnMoTwice() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), Duration.ofMillis(200),
                Map.of("SYNC_BATCH_LIMIT", "2"))) {
            // The commit of WRITTEN fails once, right after the PLC got the recipes, as if the bridge had died there.
            plant.sql.exec("""
                    create sequence crash_once;
                    create function crash_on_written() returns trigger language plpgsql as $$
                    begin
                      -- A sequence is not rolled back with the failed transaction: only the first update fails.
                      if new.state = 'WRITTEN' and nextval('crash_once') = 1 then
                        raise exception 'simulated crash before the WRITTEN commit';
                      end if;
                      return new;
                    end $$;
                    create trigger crash_on_written before update on batch for each row execute function crash_on_written();
                    """);
            JsonNode crashed = plant.run("task1-mo-sync");
            assertThat(crashed.get("run").asText()).isEqualTo("FAILED");
            assertThat(plant.count("state = 'STAGED'")).isEqualTo(2);
            RunningBridge.await("the plant to take the recipes", Duration.ofSeconds(60),
                    () -> plant.plc.image().get(7076) == 1);

            JsonNode recovered;
            try (LogCapture log = LogCapture.of(MoSync.class)) {
                recovered = plant.run("task1-mo-sync");
                assertThat(log.count("the PLC already holds [WH/MO/00013, WH/MO/00014] (D7076 = 1)")).isEqualTo(1);
            }
            assertThat(recovered.get("run").asText()).isEqualTo("OK");
            assertThat(recovered.get("lastRun").get("counts").asText()).contains("retried=2", "written=2");
            assertThat(plant.count("state = 'WRITTEN'")).isEqualTo(2);

            RunningBridge.await("the plant to run both batches", Duration.ofSeconds(60),
                    () -> plant.plc.plant().finishedBatches() == 2);
            Thread.sleep(1500);
            assertThat(plant.plc.plant().finishedBatches()).as("each MO produced once").isEqualTo(2);
            assertThat(plant.plc.plant().queuedBatches()).isZero();
        }
    }

    @Test
    void aPoisonBatchNeedsAttentionAndTheQueueRefillsAnyway() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), Duration.ofMillis(200),
                Map.of("SYNC_BATCH_LIMIT", "2"))) {
            assertThat(plant.run("task1-mo-sync").get("lastRun").get("counts").asText()).contains("written=2");
            String poisoned = plant.sql.batchMo(1);
            plant.odoo.stock().remove(poisoned);
            RunningBridge.await("the plant to run both batches", Duration.ofSeconds(60),
                    () -> plant.plc.plant().finishedBatches() == 2);
            plant.run("task2-plc-read");
            JsonNode post = plant.run("task3-process-completed");
            assertThat(post.get("lastRun").get("counts").asText()).contains("synced=1", "needs_attention=1");
            assertThat(plant.sql.strings("select mo_name from batch where state = 'NEEDS_ATTENTION'"))
                    .containsExactly(poisoned);

            JsonNode refill = plant.run("task1-mo-sync");
            assertThat(refill.get("lastRun").get("counts").asText()).contains("on_plc=0", "written=2");
            assertThat(plant.count("state = 'WRITTEN' and slot = 1")).isEqualTo(1);
        }
    }

    @Test
    void nothingIsFetchedWhileBatchesAreOnThePlc() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), LONG_BATCH, Map.of("SYNC_BATCH_LIMIT", "2"))) {
            assertThat(plant.run("task1-mo-sync").get("run").asText()).isEqualTo("OK");
            JsonNode waiting = plant.run("task1-mo-sync");
            assertThat(waiting.get("run").asText()).isEqualTo("OK");
            assertThat(waiting.get("lastRun").get("counts").asText()).isEqualTo("on_plc=2");
            assertThat(plant.odoo.calls(OdooEndpoint.MO_LIST)).hasSize(1);
        }
    }

    @Test
    void anOdooOutageFailsTheRunAndStagesNothing() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), LONG_BATCH, Map.of())) {
            plant.odoo.stop();
            JsonNode failed = plant.run("task1-mo-sync");
            assertThat(failed.get("run").asText()).isEqualTo("FAILED");
            assertThat(failed.get("lastRun").get("error").asText()).contains("cannot list MOs from Odoo");
            assertThat(plant.count("true")).isZero();
            plant.odoo.restart();
            assertThat(plant.run("task1-mo-sync").get("lastRun").get("counts").asText()).contains("written=8");
        }
    }
}
