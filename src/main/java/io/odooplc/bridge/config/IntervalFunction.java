package io.odooplc.bridge.config;

import java.time.Duration;

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
        // Read by their declarations, as at start-up: the same rules, the same errors.
        SettingValues values = new SettingValues(SettingSource.of(this::lookup));
        Duration period = values.find(durationKey, Duration.class).isPresent() || keys.length == 1
                ? values.duration(durationKey)
                : Duration.ofMinutes(values.number(keys[1].strip()));
        return Long.toString(period.toMillis());
    }
}
