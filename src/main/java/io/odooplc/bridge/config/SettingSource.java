package io.odooplc.bridge.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a setting's value comes from: a lookup (at run time Camel's properties: the environment, then the command
 * line, then {@code ./.env}, then {@code application.properties}), or layers of maps, first match wins. A blank
 * value counts as not set.
 */
public final class SettingSource {

    private final Function<String, Optional<String>> lookup;

    public SettingSource(List<Map<String, String>> layers) {
        List<Map<String, String>> copy = List.copyOf(layers);
        this.lookup = key -> copy.stream().map(layer -> layer.get(key)).filter(v -> v != null && !v.isBlank())
                .findFirst();
    }

    private SettingSource(Function<String, Optional<String>> lookup) {
        this.lookup = key -> lookup.apply(key).filter(v -> !v.isBlank());
    }

    public static SettingSource of(Function<String, Optional<String>> lookup) {
        return new SettingSource(lookup);
    }

    public Optional<String> get(String key) {
        return lookup.apply(key).map(String::strip);
    }

    public static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        Map<String, String> out = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
