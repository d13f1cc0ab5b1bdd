package io.odooplc.bridge.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a setting's value comes from, first match wins: the process environment, then {@code ./.env}, then the
 * defaults in {@code application.properties}. A blank value counts as not set.
 */
public final class SettingSource {

    private final List<Map<String, String>> layers;

    public SettingSource(List<Map<String, String>> layers) {
        this.layers = List.copyOf(layers);
    }

    /** The standard layering for a bridge started in {@code workDir}. */
    public static SettingSource standard(Path workDir, Map<String, String> environment) {
        return new SettingSource(List.of(environment, DotEnv.read(workDir.resolve(".env")),
                readProperties(workDir.resolve("application.properties"))));
    }

    /** Extra layers on top (tests use this to set values the way an operator's environment would). */
    public SettingSource withTop(Map<String, String> top) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(top);
        all.addAll(layers);
        return new SettingSource(all);
    }

    public Optional<String> get(String key) {
        for (Map<String, String> layer : layers) {
            String v = layer.get(key);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
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
