package io.odooplc.bridge.odoo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The circuit breaker of the Odoo calls: a resilience4j {@link CircuitBreaker} that the {@code circuitBreaker} EIP
 * of route {@code odoo-call} uses by reference. ODOO_CIRCUIT_FAILURES failed calls in a row open it (a count window
 * of that size, all of it failed); then calls fail at once, nothing is sent; after ODOO_CIRCUIT_COOLDOWN one trial
 * call decides. This class adds what the health check shows: failures in a row and when the next trial may go.
 */
public final class OdooCircuit {

    /** Registry name the route file refers to. */
    public static final String BEAN = "odooCircuitBreaker";

    private final CircuitBreaker breaker;
    private final Duration coolDown;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Instant openedAt;

    public OdooCircuit(int failureThreshold, Duration coolDown, Clock clock) {
        this.coolDown = coolDown;
        this.breaker = CircuitBreaker.of("odoo", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failureThreshold)
                .minimumNumberOfCalls(failureThreshold)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(coolDown)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build());
        breaker.getEventPublisher()
                .onSuccess(e -> consecutiveFailures.set(0))
                .onError(e -> consecutiveFailures.incrementAndGet())
                .onStateTransition(e -> {
                    if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        openedAt = clock.instant();
                    }
                });
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /** When an open circuit lets the next trial call through; null unless open. */
    public Instant retryAt() {
        return state() == CircuitBreaker.State.OPEN && openedAt != null ? openedAt.plus(coolDown) : null;
    }
}
