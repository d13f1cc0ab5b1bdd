package io.odooplc.bridge.sim;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureFeedTest {

    private final WordImage image = new WordImage();
    private final FailureFeed feed = new FailureFeed(image);

    @Test
    void showsTheLegacySampleInTheFailureArea() {
        feed.raise("silo101", "START_FAILURE", LocalDateTime.of(2026, 2, 23, 20, 22, 35));
        feed.tick();
        // "si" "lo" "10" "1\0": first character in the high byte.
        assertThat(image.read(8000, 4)).containsExactly(0x7369, 0x6C6F, 0x3130, 0x3100);
        assertThat(image.read(8008, 2)).containsExactly(0x5354, 0x4152);
        assertThat(image.read(8016, 6)).containsExactly(0x2026, 0x02, 0x23, 0x20, 0x22, 0x35);
        assertThat(image.get(8022)).isZero();
    }

    @Test
    void theNextFailureWaitsForTheAcknowledgement() {
        feed.raise("silo101", "START_FAILURE", LocalDateTime.of(2026, 2, 23, 20, 22, 35));
        feed.raise("lq114", "SENSOR_ERROR", LocalDateTime.of(2026, 2, 24, 8, 0, 0));
        feed.tick();
        feed.tick();
        assertThat(image.get(8016 + 2)).isEqualTo(0x23);
        assertThat(feed.waiting()).isEqualTo(1);

        image.set(8022, 1);
        feed.tick();
        assertThat(image.get(8018)).isEqualTo(0x24);
        assertThat(image.get(8022)).isZero();
        assertThat(feed.waiting()).isZero();
    }

    @Test
    void anInvalidTimeIsShownAsTheFaultyPlcWouldWriteIt() {
        feed.raiseWithInvalidTime("silo105", "MOTOR_FAILURE");
        feed.tick();
        assertThat(image.get(8017)).isEqualTo(0x1A);
    }
}
