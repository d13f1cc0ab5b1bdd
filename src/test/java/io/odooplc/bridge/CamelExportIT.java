package io.odooplc.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import io.odooplc.bridge.support.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.odooplc.bridge.CamelJBangIT.await;
import static io.odooplc.bridge.CamelJBangIT.count;
import static io.odooplc.bridge.CamelJBangIT.exec;
import static io.odooplc.bridge.CamelJBangIT.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel export} as the README gives it, then {@code mvn package} of the exported project and {@code java -jar}
 * of its runner jar with the demo: the routes are found, the PLC4X drivers and Flyway's plugins survive the fat jar
 * (a batch reaches SYNCED through the simulated PLC and the migrated schema), and the JVM ends after
 * {@code camel stop <pid>}.
 */
class CamelExportIT {

    @Test
    void theExportedProjectBuildsAndRunsTheBridge(@TempDir Path workDir) throws Exception {
        List<String> export = new ArrayList<>(List.of(CamelJBangIT.CAMEL.toString(), "export", "--runtime=camel-main",
                "--kamelets-version=4.15.0", "--java-version=17", "--gav=io.odooplc:bridge-export:1.0",
                "--directory=export", "--ignore-loading-error"));
        export.addAll(CamelJBangIT.copyRouteFilesAndProperties(workDir));
        export.add(CamelJBangIT.BRIDGE_DEP);
        // Bounds for a loaded CI machine (several builds at once); each wait ends as soon as its step is done.
        exec(workDir, Duration.ofMinutes(15), export);
        Path project = workDir.resolve("export");
        exec(project, Duration.ofMinutes(15), List.of("mvn", "-B", "-q", "package", "-DskipTests"));

        Path jar = project.resolve("target/bridge-export-1.0.jar");
        assertThat(entry(jar, "META-INF/services/org.apache.plc4x.java.api.PlcDriver"))
                .contains("io.odooplc.bridge.fins.FinsDriver", "org.apache.plc4x.java.modbus.tcp.ModbusTcpDriver");
        assertThat(entry(jar, "META-INF/services/org.flywaydb.core.extensibility.Plugin"))
                .contains("org.flywaydb.core.", "org.flywaydb.database.postgresql.PostgreSQLDatabaseType");

        int httpPort = FreePorts.next();
        Path log = workDir.resolve("export-run.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString()).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The export moves the route files to camel/ inside the jar (README "Deploy").
        pb.environment().put("ROUTES_DIR", "camel");
        pb.environment().put("BRIDGE_DEMO", "true");
        pb.environment().put("HTTP_PORT", Integer.toString(httpPort));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        Process run = pb.start();
        try {
            await("'Scheduler started: 6/6' in " + log, Duration.ofMinutes(10), run,
                    () -> read(log).contains("Scheduler started: 6/6 tasks enabled"));
            await("a batch SYNCED (see " + log + ")", Duration.ofMinutes(5), run,
                    () -> count(httpPort, "/api/batches?state=SYNCED&limit=1") >= 1);
            // The exported main class returns once Camel has stopped; any non-daemon thread left would keep the JVM.
            CamelJBangIT.camel(workDir, "stop", Long.toString(run.pid()));
            assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the JVM ends after camel stop: " + log).isTrue();
            assertThat(run.exitValue()).as("exit code after camel stop: " + log).isZero();
        } finally {
            run.destroyForcibly();
        }
    }

    private static String entry(Path jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
