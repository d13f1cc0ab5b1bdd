package io.odooplc.bridge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/odoo-plc-bridge with the built jar: the first run writes its class data sharing archive when the JVM exits, the
 * next run maps it. The runs stop at the configuration check (exit 2), which is enough to start and stop the JVM.
 */
class LauncherIT {

    @TempDir
    Path workDir;

    @TempDir
    Path cdsDir;

    record Result(int exitCode, String output) {
    }

    private Result launch(Map<String, String> env) throws Exception {
        Files.copy(Path.of("application.properties"), workDir.resolve("application.properties"),
                StandardCopyOption.REPLACE_EXISTING);
        // Camel lists the routes folder before the settings are checked.
        Files.createDirectories(workDir.resolve("routes"));
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("bin/odoo-plc-bridge").toAbsolutePath().toString())
                .directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ENABLE_") || k.contains("INTERVAL")
                || k.startsWith("ODOO_") || k.startsWith("BRIDGE_") || k.equals("JAVA_OPTS"));
        pb.environment().put("BRIDGE_JAR", Path.of("target/odoo-plc-bridge.jar").toAbsolutePath().toString());
        pb.environment().put("BRIDGE_CDS_DIR", cdsDir.toString());
        pb.environment().put("ENABLE_TASK_2_PLC_READ", "ture");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher exits by itself").isTrue();
        return new Result(p.exitValue(), out);
    }

    private List<Path> archives() throws Exception {
        try (Stream<Path> files = Files.list(cdsDir)) {
            return files.filter(f -> f.getFileName().toString().matches("odoo-plc-bridge-.*\\.jsa")).toList();
        }
    }

    @Test
    void theFirstRunWritesTheArchiveAndTheNextRunMapsIt() throws Exception {
        Result first = launch(Map.of());
        assertThat(first.exitCode()).as(first.output()).isEqualTo(2);
        assertThat(first.output()).contains("Configuration error: ENABLE_TASK_2_PLC_READ='ture'")
                .as("writing the archive logs no warning per class CDS cannot keep").doesNotContain("[warning][cds]");
        assertThat(archives()).hasSize(1);
        long written = Files.getLastModifiedTime(archives().get(0)).toMillis();

        // -Xshare:on turns "archive not usable" into a JVM start failure instead of a silent fallback.
        Result second = launch(Map.of("JAVA_OPTS", "-XX:+UseSerialGC -Xshare:on"));
        assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
        assertThat(second.output()).contains("Configuration error: ENABLE_TASK_2_PLC_READ='ture'");
        assertThat(archives()).hasSize(1);
        assertThat(Files.getLastModifiedTime(archives().get(0)).toMillis()).isEqualTo(written);
    }

    @Test
    void bridgeCdsOffRunsWithoutAnArchive() throws Exception {
        Result r = launch(Map.of("BRIDGE_CDS", "off"));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
        assertThat(archives()).isEmpty();
    }
}
