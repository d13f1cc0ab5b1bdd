package io.odooplc.bridge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration is the product: application.properties, .env.example and the README's configuration table say
 * what {@link SettingsSchema} declares, and the routes read only declared settings or the values derived from them.
 */
class SettingsDocumentationTest {

    private static final Pattern ENV_SECTION = Pattern.compile("^# -{4} ([A-Za-z][A-Za-z ]*?)\\s*(?:[:(]|-{2,})");

    @Test
    void applicationPropertiesHoldsEveryDeclaredDefault() {
        Map<String, String> defaults = new HashMap<>();
        SettingSource.readProperties(Path.of("application.properties")).forEach((key, value) -> {
            if (!key.startsWith("camel.")) {
                defaults.put(key, value.isBlank() ? null : value.strip());
            }
        });
        Map<String, String> declared = new HashMap<>();
        SettingsSchema.ALL.forEach(s -> declared.put(s.name(), s.defaultValue()));
        assertThat(defaults).isEqualTo(declared);
    }

    @Test
    void dotEnvExampleNamesEverySettingInItsGroupsSection() throws IOException {
        Map<String, String> sectionOf = new LinkedHashMap<>();
        String section = null;
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            Matcher header = ENV_SECTION.matcher(line);
            if (header.find()) {
                section = header.group(1);
            }
            Matcher setting = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]+)=").matcher(line);
            if (setting.find()) {
                sectionOf.putIfAbsent(setting.group(1), section);
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        SettingsSchema.ALL.forEach(s -> declared.put(s.name(), s.group().title()));
        assertThat(sectionOf).isEqualTo(declared);
    }

    @Test
    void theReadmeTableIsTheDeclarations() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.matches("^\\| `[A-Z][A-Z0-9_]+` \\|.*")).toList();
        List<String> declared = SettingsSchema.ALL.stream().map(s -> "| `" + s.name() + "` | "
                + (s.defaultValue() == null ? "(unset)" : "`" + s.defaultValue() + "`") + " | " + s.description()
                + " |").toList();
        assertThat(String.join("\n", rows)).as("the README's configuration table").isEqualTo(
                String.join("\n", declared));
    }

    @Test
    void routesReadOnlyDeclaredSettingsAndDerivedValues() throws IOException {
        Set<String> read = new TreeSet<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("application.properties")));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            routes.forEach(files::add);
        }
        for (Path file : files) {
            Matcher placeholder = Pattern.compile("\\{\\{(?:[\\w-]+:)?([^}]+)}}").matcher(Files.readString(file));
            while (placeholder.find()) {
                read.addAll(List.of(placeholder.group(1).split(",")));
            }
        }
        Set<String> known = new TreeSet<>(SettingsSchema.DERIVED.keySet());
        SettingsSchema.ALL.forEach(s -> known.add(s.name()));
        assertThat(known).containsAll(read);
        String readme = Files.readString(Path.of("README.md"));
        SettingsSchema.DERIVED.keySet().forEach(name -> assertThat(readme).contains("`" + name + "`"));
    }
}
