package io.odooplc.bridge.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings read by name, each parsed and checked by the type {@link SettingsSchema} declares for it, once: a setting
 * is read by naming it, and a bad value raises {@link InvalidSettingException} with the declared rule. A setting
 * declared with a default (in {@code application.properties}) must have a value; one without is optional.
 */
public final class SettingValues {

    private final SettingSource source;
    private final Map<String, Object> parsed = new ConcurrentHashMap<>();

    public SettingValues(SettingSource source) {
        this.source = source;
    }

    public boolean flag(String name) {
        return get(name, Boolean.class);
    }

    public int number(String name) {
        return get(name, Integer.class);
    }

    public Duration duration(String name) {
        return get(name, Duration.class);
    }

    public String text(String name) {
        return get(name, String.class);
    }

    /** The value of a setting that must have one, as its declared type reads it. */
    public <T> T get(String name, Class<T> type) {
        return find(name, type).orElseThrow(() -> new InvalidSettingException(name, null, "a value is required"));
    }

    /** The value of a setting, as its declared type reads it; empty when unset. */
    public <T> Optional<T> find(String name, Class<T> type) {
        Setting.Parser parser = declared(name).type().parser();
        if (parser == null) {
            throw new IllegalStateException(name + " is checked with other settings by BridgeSettings: read it raw");
        }
        return find(name, type, parser);
    }

    /**
     * The value of a setting read by {@code parser} instead of its declared type, for a rule that depends on other
     * settings (SYNC_BATCH_LIMIT and the memory map's slots); later reads by name give this value.
     */
    public <T> Optional<T> find(String name, Class<T> type, Setting.Parser parser) {
        Object known = parsed.get(name);
        if (known != null) {
            return Optional.of(type.cast(known));
        }
        Optional<String> value = raw(name);
        value.ifPresent(v -> parsed.put(name, parser.parse(name, v)));
        return value.map(v -> type.cast(parsed.get(name)));
    }

    /** The value as given (stripped; blank is unset), for the settings a rule of their own checks. */
    public Optional<String> raw(String name) {
        return source.get(name);
    }

    /**
     * Reads every declared setting not read yet, so a bad value stops the bridge at start-up even when only a bean
     * uses the setting. A setting in {@code hiddenBy} is skipped while the one it maps to is set: that one wins and
     * the hidden value is never used (e.g. SYNC_INTERVAL_MINUTES under SYNC_INTERVAL).
     */
    void checkEvery(Map<String, String> hiddenBy) {
        for (Setting s : SettingsSchema.ALL) {
            String winner = hiddenBy.get(s.name());
            if (s.type().parser() == null || parsed.containsKey(s.name())
                    || (winner != null && raw(winner).isPresent())) {
                continue;
            }
            if (s.defaultValue() != null) {
                get(s.name(), Object.class);
            } else {
                find(s.name(), Object.class);
            }
        }
    }

    private static Setting declared(String name) {
        return SettingsSchema.named(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not declared in SettingsSchema"));
    }
}
