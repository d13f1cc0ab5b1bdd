package io.odooplc.bridge.batch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void doublesFromTheFirstWaitUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(16));
        assertThat(backoff.after(7)).as("32 min capped").isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(10_000)).as("no overflow for huge counts").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aMaximumBelowTheDoublingCapsExactly() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofMillis(500));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(500));
    }
}
