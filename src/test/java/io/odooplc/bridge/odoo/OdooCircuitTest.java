package io.odooplc.bridge.odoo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OdooCircuitTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-03-04T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final OdooCircuit circuit = new OdooCircuit(3, Duration.ofSeconds(60), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(circuit.allow()).isTrue();
            circuit.failed();
        }
    }

    @Test
    void opensAfterTheThresholdOfFailuresInARow() {
        fail(2);
        assertThat(circuit.state()).isEqualTo(OdooCircuit.State.CLOSED);
        fail(1);
        assertThat(circuit.state()).isEqualTo(OdooCircuit.State.OPEN);
        assertThat(circuit.allow()).isFalse();
        assertThat(circuit.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void aSuccessResetsTheCount() {
        fail(2);
        circuit.succeeded();
        fail(2);
        assertThat(circuit.state()).isEqualTo(OdooCircuit.State.CLOSED);
    }

    @Test
    void afterTheCoolDownOneTrialCallDecides() {
        fail(3);
        clock.advance(Duration.ofSeconds(59));
        assertThat(circuit.allow()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(circuit.allow()).isTrue();
        assertThat(circuit.state()).isEqualTo(OdooCircuit.State.HALF_OPEN);
        assertThat(circuit.allow()).as("only one trial call at a time").isFalse();
        circuit.succeeded();
        assertThat(circuit.state()).isEqualTo(OdooCircuit.State.CLOSED);
        assertThat(circuit.allow()).isTrue();
    }

    @Test
    void aFailedTrialOpensItForAnotherCoolDown() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));
        assertThat(circuit.allow()).isTrue();
        circuit.failed();
        assertThat(circuit.state()).isEqualTo(OdooCircuit.State.OPEN);
        assertThat(circuit.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(circuit.allow()).isFalse();
    }
}
