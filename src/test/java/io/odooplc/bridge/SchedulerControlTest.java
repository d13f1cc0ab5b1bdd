package io.odooplc.bridge;

import java.util.Map;
import java.util.stream.Stream;

import io.odooplc.bridge.config.Task;
import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The master switch AND each task's flag decide which timer routes start; disabled ones exist but stay stopped. Four
 * starts cover every task in all four combinations of master and flag.
 */
class SchedulerControlTest {

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of(true, new boolean[] {true, false, true, false, true, false}),
                Arguments.of(true, new boolean[] {false, true, false, true, false, true}),
                Arguments.of(false, new boolean[] {true, true, true, true, true, true}),
                Arguments.of(false, new boolean[] {false, false, false, false, false, false}));
    }

    @ParameterizedTest(name = "master={0}")
    @MethodSource("matrix")
    void timersFollowMasterAndFlag(boolean master, boolean[] flags) throws Exception {
        Map<String, String> settings = RunningBridge.testSettings();
        settings.put("ENABLE_AUTO_SYNC", Boolean.toString(master));
        for (Task task : Task.values()) {
            settings.put(task.flag(), Boolean.toString(flags[task.ordinal()]));
        }
        settings.put("PLC_READ_INTERVAL", "750ms");
        settings.put("SYNC_INTERVAL_MINUTES", "2");
        settings.put("HEALTH_MONITOR_INTERVAL", "1m30s");
        settings.put("HEALTH_MONITOR_INTERVAL_MINUTES", "99");
        try (RunningBridge bridge = RunningBridge.start(settings)) {
            for (Task task : Task.values()) {
                boolean expected = master && flags[task.ordinal()];
                assertThat(bridge.routeStatus(task.routeId()))
                        .as("timer route of %s (master=%s, flag=%s)", task.routeId(), master, flags[task.ordinal()])
                        .isEqualTo(expected ? ServiceStatus.Started : ServiceStatus.Stopped);
                assertThat(bridge.routeStatus(task.routeId() + "-work")).as("work route of %s", task.routeId())
                        .isEqualTo(ServiceStatus.Started);
            }
            assertThat(timer(bridge, Task.PLC_READ).getPeriod()).isEqualTo(750);
            assertThat(timer(bridge, Task.MO_SYNC).getPeriod()).isEqualTo(120_000);
            assertThat(timer(bridge, Task.HEALTH_MONITOR).getPeriod()).isEqualTo(90_000);
            assertThat(timer(bridge, Task.LOG_CLEANUP).getPeriod()).isEqualTo(1_440 * 60_000L);
            assertThat(timer(bridge, Task.LOG_CLEANUP).getDelay()).isEqualTo(3_600_000L);
        }
    }

    private static TimerEndpoint timer(RunningBridge bridge, Task task) {
        return (TimerEndpoint) bridge.context().getRoute(task.routeId()).getEndpoint();
    }
}
