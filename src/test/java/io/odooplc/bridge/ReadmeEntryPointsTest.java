package io.odooplc.bridge;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README names the standalone simulator and fake Odoo commands, and the classes it names can be run. */
class ReadmeEntryPointsTest {

    @Test
    void theStandaloneSimulatorsAreDocumentedAndRunnable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher command = Pattern.compile("java -cp target/odoo-plc-bridge\\.jar ([\\w.]+)").matcher(readme);
        List<String> named = new ArrayList<>();
        while (command.find()) {
            named.add(command.group(1));
        }
        assertThat(named).contains("io.odooplc.bridge.sim.PlcSimulatorMain", "io.odooplc.bridge.sim.FakeOdooMain");
        for (String name : named) {
            var main = Class.forName(name).getMethod("main", String[].class);
            assertThat(Modifier.isStatic(main.getModifiers())).as(name).isTrue();
        }
    }
}
