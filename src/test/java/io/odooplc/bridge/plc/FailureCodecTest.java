package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCodecTest {

    private final FailureCodec codec = new FailureCodec(MemoryMap.loadDefault());

    @Test
    void decodesTheReferenceSample() {
        FailureReport report = codec.decode(event("silo101", "START_FAILURE", 0x2026, 0x02, 0x23, 0x20, 0x22, 0x35, 0));
        assertThat(report.problems()).isEmpty();
        assertThat(report.idle()).isFalse();
        assertThat(report.equipmentCode()).contains("silo101");
        assertThat(report.info()).contains("START_FAILURE");
        assertThat(report.occurredAt()).contains(LocalDateTime.of(2026, 2, 23, 20, 22, 35));
        assertThat(report.statusReadData()).contains(false);
    }

    @Test
    void zeroDateIsAProblemNotATimestampLegacy20() {
        FailureReport report = codec.decode(event("motor_pump_01", "MOTOR_FAILURE", 0, 0, 0, 0, 0, 0, 0));
        assertThat(report.equipmentCode()).contains("motor_pump_01");
        assertThat(report.occurredAt()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.toString()).isEqualTo(
                "failure area, Year..Second (timestamp) @D8016-D8021, raw [0 (0x0000), 0 (0x0000), 0 (0x0000), "
                        + "0 (0x0000), 0 (0x0000), 0 (0x0000)]: 0000-00-00 00:00:00 is not a valid timestamp"));
    }

    @Test
    void nonBcdNibbleIsReportedOnItsField() {
        FailureReport report = codec.decode(event("silo102", "SENSOR_ERROR", 0x2026, 0x1A, 0x01, 0, 0, 0, 0));
        assertThat(report.occurredAt()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("month");
            assertThat(p.range()).isEqualTo(new WordRange(8017, 1));
            assertThat(p.problem()).isEqualTo("0x001A is not BCD: nibble 0xA is above 9");
        });
    }

    @Test
    void impossibleCalendarDateIsReported() {
        FailureReport report = codec.decode(event("silo102", "SENSOR_ERROR", 0x2026, 0x02, 0x30, 0, 0, 0, 0));
        assertThat(report.occurredAt()).isEmpty();
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.problem()).isEqualTo("2026-02-30 00:00:00 is not a valid timestamp"));
    }

    @Test
    void acknowledgedEventShowsTheFlag() {
        assertThat(codec.decode(event("silo101", "START_FAILURE", 0x2026, 2, 0x23, 0x20, 0x22, 0x35, 1))
                .statusReadData()).contains(true);
    }

    @Test
    void emptyAreaIsIdle() {
        FailureReport report = codec.decode(new int[23]);
        assertThat(report.idle()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.equipmentCode()).contains("");
        assertThat(report.occurredAt()).isEmpty();
    }

    private static int[] event(String code, String info, int... tail) {
        int[] words = new int[23];
        System.arraycopy(WordCodec.encodeAscii(code, 8), 0, words, 0, 8);
        System.arraycopy(WordCodec.encodeAscii(info, 8), 0, words, 8, 8);
        System.arraycopy(tail, 0, words, 16, tail.length);
        return words;
    }
}
