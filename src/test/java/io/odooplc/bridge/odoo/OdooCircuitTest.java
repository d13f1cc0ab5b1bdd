package io.odooplc.bridge.odoo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.odooplc.bridge.support.HandClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OdooCircuitTest {

    private final HandClock clock = new HandClock();
    private final OdooCircuit circuit = new OdooCircuit(3, Duration.ofSeconds(60), clock);

    /** A call asks the breaker first, as the circuitBreaker EIP does; then reports how it went. */
    private boolean allow() {
        return circuit.breaker().tryAcquirePermission();
    }

    private void failed() {
        circuit.breaker().onError(0, TimeUnit.MILLISECONDS, new IllegalStateException("Odoo unreachable"));
    }

    private void succeeded() {
        circuit.breaker().onSuccess(0, TimeUnit.MILLISECONDS);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(allow()).isTrue();
            failed();
        }
    }

    @Test
    void opensAfterTheThresholdOfFailuresInARow() {
        fail(2);
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(1);
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(allow()).isFalse();
        assertThat(circuit.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void aSuccessResetsTheCount() {
        fail(2);
        succeeded();
        fail(2);
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheCoolDownOneTrialCallDecides() {
        fail(3);
        clock.advance(Duration.ofSeconds(59));
        assertThat(allow()).isFalse();
        clock.advance(Duration.ofMillis(1001));
        assertThat(allow()).as("resilience4j lets the trial through once the cool-down is over").isTrue();
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(allow()).as("only one trial call at a time").isFalse();
        succeeded();
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(allow()).isTrue();
    }

    @Test
    void aFailedTrialOpensItForAnotherCoolDown() {
        fail(3);
        clock.advance(Duration.ofMillis(60_001));
        assertThat(allow()).isTrue();
        failed();
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(circuit.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(allow()).isFalse();
    }
}
