package io.odooplc.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.odooplc.bridge.config.SettingSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration is the product: every setting is documented in .env.example and in the README table. */
class ConfigurationFilesTest {

    private static Set<String> bridgeSettings() {
        Set<String> keys = new TreeSet<>();
        for (String k : SettingSource.readProperties(Path.of("application.properties")).keySet()) {
            if (!k.startsWith("camel.")) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everySettingIsInDotEnvExample() throws Exception {
        String example = Files.readString(Path.of(".env.example"));
        Set<String> documented = matches(example, "^#?\\s*([A-Z][A-Z0-9_]+)=");
        assertThat(documented).containsAll(bridgeSettings());
        assertThat(bridgeSettings()).containsAll(documented);
    }

    @Test
    void everySettingIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> rows = matches(readme, "^\\| `([A-Z][A-Z0-9_]+)` \\|");
        assertThat(rows).containsAll(bridgeSettings());
        assertThat(bridgeSettings()).containsAll(rows);
    }
}
