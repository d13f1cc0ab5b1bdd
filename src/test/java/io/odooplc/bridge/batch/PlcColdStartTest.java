package io.odooplc.bridge.batch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.support.Plant;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PLC that comes back with empty memory (plant-contract #33), over FINS/UDP to the simulator and a real PostgreSQL:
 * task 2 marks the batches it lost, task 4 and health say so, nothing is written again until an operator requeues
 * (with the confirmation the API demands), then task 1 writes them again into slots 1..n.
 */
class PlcColdStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lostBatchesAreReportedAndWrittenAgainOnlyAfterAConfirmedRequeue() throws Exception {
        try (Plant plant = Plant.startFins("udp", FakeOdoo.withGeneratedStock(10, 7), Duration.ofSeconds(60),
                Map.of("SYNC_BATCH_LIMIT", "3"))) {
            assertThat(plant.run("task1-mo-sync").get("lastRun").get("counts").asText()).contains("written=3");
            RunningBridge.await("the plant to start slot 1", Duration.ofSeconds(60),
                    () -> plant.plc.plant().runningSlot().isPresent());
            JsonNode before = plant.run("task2-plc-read");
            assertThat(before.get("lastRun").get("counts").asText()).contains("running=1", "missing=0");
            long first = plant.sql.longValue("select id from batch where slot = 1");
            long second = plant.sql.longValue("select id from batch where slot = 2");
            long third = plant.sql.longValue("select id from batch where slot = 3");

            plant.plc.plant().coldStart();

            JsonNode after = plant.run("task2-plc-read");
            assertThat(after.get("run").asText()).as(after.toString()).isEqualTo("OK");
            assertThat(after.get("lastRun").get("counts").asText()).contains("missing=3", "idle=10");
            assertThat(plant.count("plc_missing_at is not null")).isEqualTo(3);
            assertThat(plant.count("state = 'RUNNING'")).isEqualTo(1);

            JsonNode health = plant.run("task4-health-monitor");
            assertThat(health.get("lastRun").get("counts").asText()).contains("missing=3", "stuck=0");
            JsonNode check = plant.bridge.healthCheck("batches");
            String finding = check.path("data").path("missing:" + first).asText();
            assertThat(finding).contains("is no longer on the PLC", "in neither WRITE slot 1 nor READ slot 1",
                    "/api/batches/" + first + "/requeue?confirm=plc-did-not-produce");
            assertThat(check.path("message").asText()).contains("3 batch(es) no longer on the PLC");
            assertThat(plant.bridge.get("/api/health").body()).contains("missing:" + second,
                    "in neither WRITE slot 2 nor READ slot 2");

            // Never written again by itself: task 1 still sees batches on the PLC and waits.
            assertThat(plant.run("task1-mo-sync").get("lastRun").get("counts").asText()).contains("on_plc=3");
            assertThat(plant.plc.image().get(7001)).as("WRITE slot 1 stays empty").isZero();

            assertThat(plant.bridge.post("/api/batches/" + second + "/requeue?confirm=plc-did-not-produce", null)
                    .statusCode()).isEqualTo(401);
            HttpResponse<String> unconfirmed = plant.bridge.post("/api/batches/" + second + "/requeue", Plant.TOKEN);
            assertThat(unconfirmed.statusCode()).isEqualTo(400);
            assertThat(unconfirmed.body()).contains("confirm that the PLC did not produce it",
                    "?confirm=plc-did-not-produce");
            assertThat(plant.bridge.post("/api/batches/" + second + "/requeue?confirm=yes", Plant.TOKEN).statusCode())
                    .isEqualTo(400);
            assertThat(plant.count("state = 'STAGED'")).isZero();

            // The operator cancels the first and requeues the other two; a repeated requeue changes nothing.
            assertThat(plant.bridge.post("/api/batches/" + first + "/cancel", Plant.TOKEN).statusCode()).isEqualTo(200);
            JsonNode requeued = requeue(plant, second, 200);
            assertThat(requeued.path("batch").path("state").asText()).isEqualTo("STAGED");
            assertThat(requeued.path("batch").path("events").get(requeued.path("batch").path("events").size() - 1)
                    .path("note").asText()).contains("confirmed the PLC did not produce it");
            assertThat(requeue(plant, second, 200).path("message").asText()).contains("already STAGED");
            requeue(plant, third, 200);
            assertThat(requeue(plant, first, 409).path("error").asText()).contains("is CANCELLED");
            assertThat(plant.sql.longValue("select count(*) from batch_event where batch_id = " + second
                    + " and from_state = 'WRITTEN' and to_state = 'STAGED'")).isEqualTo(1);
            assertThat(plant.count("state = 'STAGED' and plc_missing_at is null")).isEqualTo(2);

            JsonNode rewrite = plant.run("task1-mo-sync");
            assertThat(rewrite.get("lastRun").get("counts").asText()).contains("retried=2", "written=2");
            assertThat(plant.sql.strings("select slot || ' ' || state from batch where id in (" + second + ", " + third
                    + ") order by id")).isEqualTo(List.of("1 WRITTEN", "2 WRITTEN"));
            String mo = plant.sql.batchMo(1);
            assertThat(plant.sql.longValue("select id from batch where slot = 1 and state = 'WRITTEN'"))
                    .isEqualTo(second);
            assertThat(plant.plc.image().get(7001)).as("WRITE slot 1 holds the requeued MO again")
                    .isEqualTo((mo.charAt(0) << 8) | mo.charAt(1));
            assertThat(plant.run("task2-plc-read").get("lastRun").get("counts").asText()).contains("missing=0");
        }
    }

    private static JsonNode requeue(Plant plant, long id, int status) throws Exception {
        HttpResponse<String> r = plant.bridge.post("/api/batches/" + id + "/requeue?confirm=plc-did-not-produce",
                Plant.TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }
}
