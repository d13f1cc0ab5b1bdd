package io.odooplc.bridge.batch;

import java.time.Duration;

/** When a batch Odoo did not accept is tried again: {@code first} after one attempt, doubling, never above {@code max}. */
public record RetryBackoff(Duration first, Duration max) {

    /** The wait after the given number of failed attempts (1 or more). */
    public Duration after(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
