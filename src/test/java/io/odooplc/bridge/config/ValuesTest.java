package io.odooplc.bridge.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "YES", " true "})
    void trueForms(String v) {
        assertThat(Values.parseBoolean("X", v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "0", "no", "No"})
    void falseForms(String v) {
        assertThat(Values.parseBoolean("X", v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ture", "on", "2", "", "y"})
    void badBooleanNamesVariableValueAndAllowed(String v) {
        assertThatThrownBy(() -> Values.parseBoolean("ENABLE_TASK_2_PLC_READ", v))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ENABLE_TASK_2_PLC_READ='" + v + "'")
                .hasMessageContaining("true or false");
    }

    @Test
    void durations() {
        Duration min = Duration.ofMillis(100);
        assertThat(Values.parseDuration("D", "500ms", min)).isEqualTo(Duration.ofMillis(500));
        assertThat(Values.parseDuration("D", "10s", min)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Values.parseDuration("D", "5m", min)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Values.parseDuration("D", "1h", min)).isEqualTo(Duration.ofHours(1));
        assertThat(Values.parseDuration("D", "1m30s", min)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Values.parseDuration("D", "0s", Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99ms", "0s", "10", "10 sec", "abc", "-5s", "5m x", ""})
    void badDurations(String v) {
        assertThatThrownBy(() -> Values.parseDuration("PLC_READ_INTERVAL", v, Duration.ofMillis(100)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PLC_READ_INTERVAL=")
                .hasMessageContaining("at least 100ms");
    }

    @Test
    void formatIsShortAndExact() {
        assertThat(Values.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Values.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Values.format(Duration.ofMinutes(1440))).isEqualTo("1d");
        assertThat(Values.format(Duration.ofMinutes(60))).isEqualTo("1h");
    }
}
