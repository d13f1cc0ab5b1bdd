package io.odooplc.bridge.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code {{interval:SYNC_INTERVAL,SYNC_INTERVAL_MINUTES}}} gives a timer period in milliseconds: the duration setting
 * (e.g. {@code 500ms}, {@code 10s}) when set, else the minutes setting. With one name it reads a duration only.
 */
@org.apache.camel.spi.annotations.PropertiesFunction("interval")
public class IntervalFunction extends SettingFunction {

    @Override
    public String getName() {
        return "interval";
    }

    @Override
    public String apply(String remainder) {
        String[] keys = remainder.split(",");
        String durationKey = keys[0].strip();
        Optional<String> duration = lookup(durationKey);
        if (duration.isPresent() || keys.length == 1) {
            Duration min = keys.length == 1 ? Duration.ZERO : BridgeSettings.MIN_INTERVAL;
            return Long.toString(Values.parseDuration(durationKey, duration.orElse(null), min).toMillis());
        }
        String minutesKey = keys[1].strip();
        int minutes = Values.parseInt(minutesKey, lookup(minutesKey).orElse(null), 1, Integer.MAX_VALUE,
                "a whole number of minutes >= 1");
        return Long.toString(Duration.ofMinutes(minutes).toMillis());
    }
}
