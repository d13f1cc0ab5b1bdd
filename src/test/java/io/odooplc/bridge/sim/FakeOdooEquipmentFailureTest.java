package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOdooEquipmentFailureTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final OdooTestClient client = new OdooTestClient(odoo).login();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private JsonNode report(Map<String, Object> body) {
        return client.post(OdooEndpoint.EQUIPMENT_FAILURE, body).result();
    }

    @Test
    void createsAReportForKnownEquipment() {
        JsonNode answer = report(Map.of("equipment_code", "silo101", "description", "START_FAILURE",
                "date", "2026-02-23 20:22:35"));

        assertThat(answer.path("status").asText()).isEqualTo("success");
        assertThat(answer.path("message").asText()).isEqualTo("Equipment failure report created");
        JsonNode data = answer.path("data");
        assertThat(data.path("id").asInt()).isEqualTo(1);
        assertThat(data.path("equipment_id").asInt()).isEqualTo(3);
        assertThat(data.path("equipment_name").asText()).isEqualTo("SILO A");
        assertThat(data.path("date").asText()).isEqualTo("2026-02-23T20:22:35");
        assertThat(odoo.failureReports()).containsExactly(
                new FailureReport(1, "silo101", "START_FAILURE", LocalDateTime.of(2026, 2, 23, 20, 22, 35), null));
    }

    @Test
    void acceptsIsoMinuteDatesAndDurations() {
        JsonNode answer = report(Map.of("equipment_code", "PLC01", "description", "MOTOR_FAILURE",
                "date", "2026-02-15T08:30", "duration", "02:30"));

        assertThat(answer.path("data").path("duration_minutes").asInt()).isEqualTo(150);
        assertThat(odoo.failureReports().get(0).durationMinutes()).isEqualTo(150);
    }

    @Test
    void unknownEquipmentOrBadDateCreatesNothing() {
        JsonNode unknown = report(Map.of("equipment_code", "motor_pump_01", "description", "SENSOR_ERROR",
                "date", "2026-02-23 20:22:35"));
        JsonNode badDate = report(Map.of("equipment_code", "silo101", "description", "SENSOR_ERROR",
                "date", "0000-00-00 00:00:00"));

        assertThat(unknown.path("status").asText()).isEqualTo("error");
        assertThat(unknown.path("message").asText()).isEqualTo("Equipment with code \"motor_pump_01\" not found");
        assertThat(badDate.path("status").asText()).isEqualTo("error");
        assertThat(odoo.failureReports()).isEmpty();
    }
}
