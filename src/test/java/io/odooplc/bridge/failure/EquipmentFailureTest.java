package io.odooplc.bridge.failure;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.plc.WordCodec;
import io.odooplc.bridge.sim.FailureReport;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.sim.WordImage;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.Plant;
import io.odooplc.bridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task 5 end to end over real sockets: an equipment failure raised in the simulated PLC is stored, acknowledged with
 * D8022 = 1 only once the row is committed, and reported to Odoo; the failure modes of plant-contract #19 and #20.
 */
class EquipmentFailureTest {

    private static final String TASK = "task5-equipment-failure";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BATCH = Duration.ofSeconds(30);
    private static final int ACK = 8022;
    private static final LocalDateTime START_FAILURE_AT = LocalDateTime.of(2026, 2, 23, 20, 22, 35);
    /** Seconds of zero: Odoo must still get them ("08:00:00", not LocalDateTime's "08:00"). */
    private static final LocalDateTime SENSOR_ERROR_AT = LocalDateTime.of(2026, 2, 24, 8, 0, 0);

    private static void raise(Plant plant, String code, String info, LocalDateTime at) throws Exception {
        plant.plc.plant().failures().raise(code, info, at);
        awaitShown(plant);
    }

    /** The plant shows a raised failure on its next tick: D8022 = 0 and nothing left waiting. */
    private static void awaitShown(Plant plant) throws InterruptedException {
        RunningBridge.await("the PLC to show the failure", Duration.ofSeconds(60),
                () -> plant.plc.plant().failures().waiting() == 0 && plant.plc.image().get(8016) != 0
                        && plant.plc.image().get(ACK) == 0);
    }

    private static String counts(JsonNode run) {
        assertThat(run.get("run").asText()).as(run.toString()).isEqualTo("OK");
        return run.get("lastRun").get("counts").asText();
    }

    private static String counts(int read, int stored, int duplicate, int rejected, int acked, int reported,
                                 int reportFailed, int reportRejected, int deferred) {
        return "read=" + read + " stored=" + stored + " duplicate=" + duplicate + " rejected=" + rejected + " acked="
                + acked + " reported=" + reported + " report_failed=" + reportFailed + " report_rejected="
                + reportRejected + " deferred=" + deferred;
    }

    private static long rows(Plant plant) throws Exception {
        return plant.sql.longValue("select count(*) from equipment_failure");
    }

    @Test
    void aFailureIsStoredThenAcknowledgedThenReportedToOdoo() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            // A slow insert: if the bridge acknowledged before its commit, the watcher would see D8022 = 1 and no row.
            plant.sql.exec("""
                    create function slow_insert() returns trigger language plpgsql as $$
                    begin
                      perform pg_sleep(0.5);
                      return new;
                    end $$;
                    create trigger slow_insert before insert on equipment_failure
                      for each row execute function slow_insert();
                    """);
            raise(plant, "silo101", "START_FAILURE", START_FAILURE_AT);
            AckWatcher watcher = AckWatcher.start(plant);

            JsonNode run;
            try (LogCapture log = LogCapture.of(EquipmentFailure.class)) {
                run = plant.run(TASK);
                assertThat(watcher.rowsWhenAckSeen()).as("rows committed when D8022 = 1 was first seen")
                        .isEqualTo(1);
                assertThat(log.lines()).containsExactly(
                        "INFO [task5-equipment-failure-work] failure silo101 START_FAILURE at 2026-02-23T20:22:35 stored",
                        "INFO [task5-equipment-failure-work] failure silo101 START_FAILURE at 2026-02-23T20:22:35"
                                + " acknowledged on the PLC (D8022 = 1)",
                        "INFO [task5-equipment-failure-work] failure silo101 START_FAILURE at 2026-02-23T20:22:35"
                                + " reported to Odoo (attempt 1)");
            }
            assertThat(counts(run)).isEqualTo(counts(1, 1, 0, 0, 1, 1, 0, 0, 0));
            assertThat(plant.odoo.failureReports()).containsExactly(
                    new FailureReport(1, "silo101", "START_FAILURE", START_FAILURE_AT, null));
            assertThat(plant.sql.rows("select equipment_code, description, failure_at, odoo_status, odoo_attempts,"
                    + " odoo_sent_at is not null from equipment_failure")).singleElement().isEqualTo(new String[] {
                            "silo101", "START_FAILURE", "2026-02-23 20:22:35", "SENT", "1", "t"});

            // The acknowledgement lets the PLC show its next failure.
            raise(plant, "silo102", "SENSOR_ERROR", SENSOR_ERROR_AT);
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 1, 0, 0, 1, 1, 0, 0, 0));
            assertThat(plant.odoo.calls(OdooEndpoint.EQUIPMENT_FAILURE)).last()
                    .satisfies(call -> assertThat(call.body().path("date").asText()).isEqualTo("2026-02-24 08:00:00"));
            assertThat(plant.odoo.failureReports()).extracting(FailureReport::equipmentCode)
                    .containsExactly("silo101", "silo102");

            assertThat(counts(plant.run(TASK))).as("acknowledged and reported: nothing left to do")
                    .isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(rows(plant)).isEqualTo(2);
        }
    }

    @Test
    void aDatabaseThatRefusesTheInsertFailsTheRunAndTheEventStaysUnacknowledged() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            plant.sql.exec("""
                    create function refuse_insert() returns trigger language plpgsql as $$
                    begin
                      raise exception 'equipment_failure is locked for maintenance';
                    end $$;
                    create trigger refuse_insert before insert on equipment_failure
                      for each row execute function refuse_insert();
                    """);
            raise(plant, "silo101", "START_FAILURE", START_FAILURE_AT);

            JsonNode failed = plant.run(TASK);
            assertThat(failed.get("run").asText()).isEqualTo("FAILED");
            assertThat(failed.get("lastRun").get("error").asText()).contains("locked for maintenance");
            assertThat(plant.plc.image().get(ACK)).as("no acknowledgement without a stored row").isZero();
            assertThat(rows(plant)).isZero();
            assertThat(plant.odoo.failureReports()).isEmpty();

            plant.sql.exec("drop trigger refuse_insert on equipment_failure");
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 1, 0, 0, 1, 1, 0, 0, 0));
            assertThat(plant.plc.image().get(ACK)).isEqualTo(1);
        }
    }

    @Test
    void anOdooOutageLeavesTheFailurePendingUntilALaterRunAfterTheBackoff() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of(
                "ODOO_RETRY_BACKOFF", "2s", "ODOO_RETRY_BACKOFF_MAX", "2s", "ODOO_CONNECT_TIMEOUT", "500ms",
                "ODOO_HTTP_RETRIES", "0"))) {
            raise(plant, "silo101", "START_FAILURE", START_FAILURE_AT);
            plant.odoo.stop();

            assertThat(counts(plant.run(TASK))).as("stored and acknowledged even with Odoo down")
                    .isEqualTo(counts(1, 1, 0, 0, 1, 0, 1, 0, 0));
            assertThat(plant.plc.image().get(ACK)).isEqualTo(1);
            assertThat(plant.sql.rows("select odoo_status, odoo_attempts, odoo_last_error,"
                    + " odoo_next_attempt_at > now() from equipment_failure")).singleElement().satisfies(row -> {
                        assertThat(row[0]).isEqualTo("PENDING");
                        assertThat(row[1]).isEqualTo("1");
                        assertThat(row[2]).startsWith("cannot reach " + plant.odoo.url());
                        assertThat(row[3]).isEqualTo("t");
                    });

            plant.odoo.restart();
            assertThat(counts(plant.run(TASK))).as("Odoo is back, but the backoff has not passed")
                    .isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(plant.odoo.failureReports()).isEmpty();

            RunningBridge.await("the backoff to pass", Duration.ofSeconds(60), () -> {
                try {
                    return plant.sql.longValue("select count(*) from equipment_failure"
                            + " where odoo_next_attempt_at <= now()") == 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(0, 0, 0, 0, 0, 1, 0, 0, 0));
            assertThat(plant.sql.rows("select odoo_status, odoo_attempts, odoo_last_error from equipment_failure"))
                    .singleElement().isEqualTo(new String[] {"SENT", "2", null});
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(plant.odoo.failureReports()).as("reported once").hasSize(1);
        }
    }

    @Test
    void odooRejectingTheReportEndsItsAttempts() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            raise(plant, "motor_pump_01", "MOTOR_FAILURE", START_FAILURE_AT);
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 1, 0, 0, 1, 0, 0, 1, 0));
            assertThat(plant.sql.rows("select odoo_status, odoo_attempts, odoo_last_error from equipment_failure"))
                    .singleElement().isEqualTo(new String[] {"REJECTED", "1",
                            "Odoo rejected the report: Equipment with code \"motor_pump_01\" not found"});
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(plant.odoo.calls(OdooEndpoint.EQUIPMENT_FAILURE)).hasSize(1);
        }
    }

    @Test
    void anEventWithoutAValidTimeCodeOrTextIsNeitherStoredNorAcknowledged() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            plant.plc.plant().failures().raiseWithInvalidTime("silo105", "MOTOR_FAILURE");
            awaitShown(plant);
            WordImage image = plant.plc.image();

            try (LogCapture log = LogCapture.of(EquipmentFailure.class)) {
                assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 0, 0, 1, 0, 0, 0, 0, 0));
                assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line).startsWith(
                        "WARN [task5-equipment-failure-work] failure event rejected, not stored and not acknowledged"
                                + " (D8022 stays 0): failure area, Month (month) @D8017, raw [26 (0x001A)]:"
                                + " 0x001A is not BCD: nibble 0xA is above 9; raw D8000-D8022 [29545 (0x7369),"));

                // The legacy zero date "0000-00-00 00:00:00" (#20), written by the PLC program itself.
                image.write(8016, 0, 0, 0, 0, 0, 0);
                assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 0, 0, 1, 0, 0, 0, 0, 0));
                assertThat(log.count("0000-00-00 00:00:00 is not a valid timestamp")).isEqualTo(1);

                image.write(8016, 0x2026, 0x02, 0x23, 0x20, 0x22, 0x35);
                image.clear(8000, 8);
                assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 0, 0, 1, 0, 0, 0, 0, 0));
                assertThat(log.count("equipment_code @D8000-D8007 is empty")).isEqualTo(1);

                // The legacy PLC program's "no failure" text is no event at all: nothing to store, ack or log.
                image.write(8000, WordCodec.encodeAscii("silo105", 8));
                image.write(8008, WordCodec.encodeAscii("NO_FAILURE", 8));
                assertThat(counts(plant.run(TASK))).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0));
                assertThat(log.lines()).hasSize(3);
            }
            assertThat(image.get(ACK)).isZero();
            assertThat(rows(plant)).isZero();
            assertThat(plant.odoo.failureReports()).isEmpty();
        }
    }

    @Test
    void anEventShownAgainAfterALostAcknowledgementIsStoredOnceAndAcknowledgedAgain() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            raise(plant, "silo101", "START_FAILURE", START_FAILURE_AT);
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 1, 0, 0, 1, 1, 0, 0, 0));

            // The acknowledgement never reached the PLC program: it shows the same event again.
            plant.plc.image().set(ACK, 0);
            assertThat(counts(plant.run(TASK))).isEqualTo(counts(1, 0, 1, 0, 1, 0, 0, 0, 0));
            assertThat(plant.plc.image().get(ACK)).isEqualTo(1);
            assertThat(rows(plant)).isEqualTo(1);
            assertThat(plant.odoo.failureReports()).hasSize(1);
        }
    }

    @Test
    void aPlcThatDoesNotAnswerFailsTheRunAndNothingIsStored() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            raise(plant, "silo101", "START_FAILURE", START_FAILURE_AT);
            plant.plc.server().stop();

            JsonNode failed = plant.run(TASK);
            assertThat(failed.get("run").asText()).isEqualTo("FAILED");
            assertThat(failed.get("lastRun").get("error").asText()).contains("failure area read");
            assertThat(rows(plant)).isZero();
            assertThat(plant.odoo.failureReports()).isEmpty();
        }
    }

    @Test
    void theFailuresApiListsFailuresWithTheirOdooStatus() throws Exception {
        try (Plant plant = Plant.start(FakeOdoo.withSampleStock(), BATCH, Map.of())) {
            raise(plant, "silo101", "START_FAILURE", START_FAILURE_AT);
            plant.run(TASK);
            raise(plant, "motor_pump_01", "MOTOR_FAILURE", SENSOR_ERROR_AT);
            plant.run(TASK);

            JsonNode all = get(plant, "/api/failures", 200);
            assertThat(all.path("total").asInt()).isEqualTo(2);
            assertThat(all.path("items")).extracting(f -> f.path("equipmentCode").asText())
                    .containsExactly("motor_pump_01", "silo101");
            JsonNode sent = all.path("items").get(1);
            assertThat(sent.path("description").asText()).isEqualTo("START_FAILURE");
            assertThat(sent.path("failureAt").asText()).isEqualTo("2026-02-23T20:22:35");
            assertThat(sent.path("odooStatus").asText()).isEqualTo("SENT");
            assertThat(sent.path("odooAttempts").asInt()).isEqualTo(1);
            assertThat(sent.path("odooSentAt").isTextual()).isTrue();

            JsonNode rejected = get(plant, "/api/failures?status=rejected&limit=50&offset=0", 200);
            assertThat(rejected.path("items")).singleElement().satisfies(f -> {
                assertThat(f.path("odooStatus").asText()).isEqualTo("REJECTED");
                assertThat(f.path("odooLastError").asText()).contains("motor_pump_01\" not found");
                assertThat(f.path("odooSentAt").isNull()).isTrue();
            });

            JsonNode page = get(plant, "/api/failures?limit=1&offset=1", 200);
            assertThat(page.path("items")).extracting(f -> f.path("equipmentCode").asText()).containsExactly("silo101");
            assertThat(page.path("hasNext").asBoolean()).isFalse();
            assertThat(get(plant, "/api/failures?status=PENDING", 200).path("total").asInt()).isZero();

            assertThat(get(plant, "/api/failures?status=LOST", 400).path("error").asText())
                    .isEqualTo("status='LOST' is not one of [PENDING, SENT, REJECTED]");
            get(plant, "/api/failures?limit=0", 400);
        }
    }

    private static JsonNode get(Plant plant, String path, int status) throws Exception {
        var response = plant.bridge.get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** Polls D8022 and counts the stored rows at the moment it first reads 1. */
    private static final class AckWatcher {

        private final AtomicLong rowsWhenAckSeen = new AtomicLong(-1);
        private final Thread thread;

        private AckWatcher(Plant plant) {
            thread = new Thread(() -> {
                try {
                    while (plant.plc.image().get(ACK) != 1) {
                        Thread.sleep(2);
                    }
                    rowsWhenAckSeen.set(rows(plant));
                } catch (Exception e) {
                    rowsWhenAckSeen.set(-2);
                }
            }, "ack-watcher");
            thread.setDaemon(true);
        }

        static AckWatcher start(Plant plant) {
            AckWatcher watcher = new AckWatcher(plant);
            watcher.thread.start();
            return watcher;
        }

        long rowsWhenAckSeen() throws InterruptedException {
            thread.join(5000);
            return rowsWhenAckSeen.get();
        }
    }
}
