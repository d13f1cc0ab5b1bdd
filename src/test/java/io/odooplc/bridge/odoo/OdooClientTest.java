package io.odooplc.bridge.odoo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.MoState;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.HandClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Odoo routes ({@code routes/odoo-addon.camel.yaml}) against the fake Odoo over real HTTP: sessions, retries,
 * timeouts, circuit breaker.
 */
class OdooClientTest {

    private static final String PASSWORD = "admin";
    /**
     * ODOO_TIMEOUT of these clients. It is also the bound for every call that must answer in time, so it is generous
     * for a loaded machine; the slow-answer fault holds its answer far longer.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final HandClock clock = new HandClock();
    private final List<OdooRoutes> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(OdooRoutes::close);
        odoo.close();
    }

    private OdooRoutes client(int retries, int circuitFailures, Duration coolDown, String password) {
        OdooRoutes routes = new OdooRoutes(Optional.of(new OdooSettings(odoo.url(), "odoo14", "admin", password)),
                OdooRoutes.tuning(TIMEOUT, retries, circuitFailures, coolDown), clock);
        started.add(routes);
        return routes;
    }

    private OdooRoutes client() {
        return client(2, 3, Duration.ofSeconds(60), PASSWORD);
    }

    private double count(OdooEndpoint endpoint, String outcome) {
        MeterRegistry registry = started.get(0).metrics().registry();
        Counter c = registry.find("bridge_odoo_calls_total").tag("endpoint", endpoint.path()).tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void logsInOnceAndKeepsTheSessionForLaterCalls() {
        OdooRoutes client = client();
        assertThat(client.cancelMo("WH/MO/00013").isSuccess()).isTrue();
        assertThat(client.cancelMo("WH/MO/00014").isSuccess()).isTrue();
        assertThat(client.cancelMo("WH/MO/00013").isSuccess()).as("already cancelled is a success").isTrue();

        assertThat(odoo.calls(OdooEndpoint.SCADA_AUTHENTICATE)).hasSize(1);
        assertThat(odoo.calls(OdooEndpoint.WEB_AUTHENTICATE)).isEmpty();
        assertThat(odoo.mo("WH/MO/00014").orElseThrow().state()).isEqualTo(MoState.CANCEL);
        assertThat(count(OdooEndpoint.MO_CANCEL, "success")).isEqualTo(3);
    }

    @Test
    void anExpiredSessionCostsExactlyOneNewLoginAndTheCallSucceeds() {
        OdooRoutes client = client();
        client.cancelMo("WH/MO/00013");
        odoo.expireSessions();

        OdooReply reply = client.cancelMo("WH/MO/00014");

        assertThat(reply.isSuccess()).isTrue();
        assertThat(odoo.calls(OdooEndpoint.SCADA_AUTHENTICATE)).hasSize(2);
        assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).hasSize(3);
        assertThat(count(OdooEndpoint.MO_CANCEL, "session_expired")).isEqualTo(1);
        assertThat(client.circuit().consecutiveFailures()).isZero();
    }

    @Test
    void fallsBackToOdoosOwnLoginWhenTheAddonLoginIsMissing() {
        odoo.faults().failNext(OdooEndpoint.SCADA_AUTHENTICATE, 1, 404);

        assertThat(client().cancelMo("WH/MO/00013").isSuccess()).isTrue();

        assertThat(odoo.calls(OdooEndpoint.WEB_AUTHENTICATE)).hasSize(1);
    }

    @Test
    void aRefusedLoginNamesUserAndDatabaseButNeverThePassword() {
        OdooReply reply = client(0, 3, Duration.ofSeconds(60), "wrong-secret-pw").cancelMo("WH/MO/00013");

        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
        assertThat(reply.message()).contains("refused the login of 'admin' on database 'odoo14'")
                .contains("Invalid credentials").doesNotContain("wrong-secret-pw");
        assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).isEmpty();
    }

    @Test
    void http5xxIsRetriedWithinTheCall() {
        odoo.faults().failNext(OdooEndpoint.MO_CANCEL, 2);

        OdooReply reply = client().cancelMo("WH/MO/00013");

        assertThat(reply.isSuccess()).isTrue();
        assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).hasSize(3);
        assertThat(count(OdooEndpoint.MO_CANCEL, "http_error")).isEqualTo(2);
        assertThat(count(OdooEndpoint.MO_CANCEL, "success")).isEqualTo(1);
    }

    @Test
    void http5xxBeyondTheRetriesFailsTheCallWithTheUrlButNoSecrets() {
        odoo.faults().failAlways(OdooEndpoint.MO_CANCEL);
        OdooRoutes client = client();

        OdooReply reply = client.cancelMo("WH/MO/00013");

        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
        assertThat(reply.message()).isEqualTo("HTTP 500 from " + odoo.url() + "/api/scada/mo/cancel (after 3 tries)");
        assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).hasSize(3);
        assertThat(client.circuit().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aBusinessRejectionIsNotRetriedAndKeepsTheCircuitClosed() {
        odoo.stock().remove("WH/MO/00013");
        OdooRoutes client = client();

        OdooReply reply = client.updateWithConsumptions(Map.of("mo_id", "WH/MO/00013", "silo101", 10.0));

        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.REJECTED);
        assertThat(reply.message()).isEqualTo("Manufacturing Order \"WH/MO/00013\" not found");
        assertThat(odoo.calls(OdooEndpoint.MO_UPDATE)).hasSize(1);
        assertThat(client.circuit().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSlowAnswerTimesOutOnceWithoutRetry() {
        OdooRoutes client = client();
        assertThat(client.cancelMo("WH/MO/00011").isSuccess()).as("logged in").isTrue();
        // Held until the server stops: only the client's timeout can end the call.
        odoo.faults().delay(OdooEndpoint.MO_CANCEL, Duration.ofMinutes(10));

        OdooReply reply = client.cancelMo("WH/MO/00013");

        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
        assertThat(reply.message()).isEqualTo("no answer from " + odoo.url() + "/api/scada/mo/cancel within 5000 ms");
        // The metric counts every try (see http5xxIsRetriedWithinTheCall): one timeout is one try, no retry.
        assertThat(count(OdooEndpoint.MO_CANCEL, "timeout")).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsRetriedThenFails() {
        odoo.stop();

        OdooReply reply = client(1, 3, Duration.ofSeconds(60), PASSWORD).cancelMo("WH/MO/00013");

        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
        assertThat(reply.message()).startsWith("cannot reach " + odoo.url() + "/api/scada/authenticate")
                .endsWith("(after 2 tries)");
        assertThat(count(OdooEndpoint.SCADA_AUTHENTICATE, "connection_error")).isEqualTo(2);
    }

    @Test
    void anOpenCircuitFailsAtOnceAndAfterTheCoolDownOneTrialCallClosesIt() {
        OdooRoutes client = client(0, 2, Duration.ofSeconds(60), PASSWORD);
        odoo.stop();
        client.cancelMo("WH/MO/00013");
        client.cancelMo("WH/MO/00013");
        assertThat(client.circuit().state()).isEqualTo(CircuitBreaker.State.OPEN);

        odoo.restart();
        OdooReply refused = client.cancelMo("WH/MO/00013");
        assertThat(refused.outcome()).isEqualTo(OdooReply.Outcome.CIRCUIT_OPEN);
        assertThat(refused.message()).startsWith("Odoo circuit open after 2 failed calls in a row");
        assertThat(odoo.calls()).as("no call reaches Odoo while the circuit is open").isEmpty();
        assertThat(count(OdooEndpoint.MO_CANCEL, "circuit_open")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(60).plusMillis(1));
        assertThat(client.cancelMo("WH/MO/00013").isSuccess()).isTrue();
        assertThat(client.circuit().state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).hasSize(1);
    }

    @Test
    void bareAddonAnswersReadLikeEnvelopedOnes() {
        odoo.faults().bareResponses(true);
        OdooReply reply = client().cancelMo("WH/MO/00013");
        assertThat(reply.isSuccess()).isTrue();
        assertThat(reply.body().path("mo_state").asText()).isEqualTo("cancel");
    }
}
