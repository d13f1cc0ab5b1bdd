package io.odooplc.bridge.odoo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for Odoo: after {@code failureThreshold} failed calls in a row it opens and refuses calls, so
 * a dead Odoo costs one quick failure instead of a timeout per batch. After {@code coolDown} it lets one trial call
 * through (half-open): success closes it, failure opens it for another cool-down.
 */
public final class OdooCircuit {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;

    public OdooCircuit(int failureThreshold, Duration coolDown, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Whether a call may go out now; in HALF_OPEN only the one trial call may. */
    public synchronized boolean allow() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
            state = State.HALF_OPEN;
            return true;
        }
        return state == State.CLOSED;
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    public synchronized void failed() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** When an open circuit lets the next trial call through; null unless open. */
    public synchronized Instant retryAt() {
        return state == State.OPEN ? openedAt.plus(coolDown) : null;
    }
}
