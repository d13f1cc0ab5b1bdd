package io.odooplc.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, from the built jar: {@code java -jar target/odoo-plc-bridge.jar --demo} brings MOs all
 * the way to SYNCED by itself. The bound is generous for a loaded 2-core machine; bench/demo.sh measures the figure.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tenMosReachSyncedWithNoSetUp(@TempDir Path workDir) throws Exception {
        run(workDir, List.of("--demo"), 10, Duration.ofSeconds(150));
        assertThat(Files.readString(workDir.resolve("demo.log")))
                .contains("odoo-plc-bridge demo", "operator console:            http://127.0.0.1:")
                .contains("simulated PLC (Modbus TCP)", "Scheduler started: 6/6 tasks enabled")
                .contains("WRITTEN to the PLC", "completed in READ slot", "SYNCED, Odoo holds the actuals")
                .contains("reported to Odoo (attempt 1)")
                .doesNotContain("run OK in");
    }

    @Test
    void withFaultsSwitchedOnTheBatchesStillArrive(@TempDir Path workDir) throws Exception {
        run(workDir, List.of("--demo", "--demo-faults"), 5, Duration.ofSeconds(150));
    }

    @Test
    void againstStockOdooWithoutTheAddon(@TempDir Path workDir) throws Exception {
        run(workDir, List.of("--demo", "--odoo", "stock"), 5, Duration.ofSeconds(150));
        assertThat(Files.readString(workDir.resolve("demo.log")))
                .contains("stock Odoo 17 (no addon):", "stock Odoo 17.0 (major 17) at http://127.0.0.1:", "JSON-RPC /jsonrpc")
                .contains("SYNCED, Odoo holds the actuals");
    }

    private void run(Path workDir, List<String> options, int wanted, Duration bound) throws Exception {
        Files.copy(Path.of("application.properties"), workDir.resolve("application.properties"));
        Path routes = Files.createDirectory(workDir.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        int httpPort = FreePorts.next();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar",
                Path.of("target/odoo-plc-bridge.jar").toAbsolutePath().toString()));
        command.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("demo.log").toFile());
        pb.environment().put("HTTP_PORT", Integer.toString(httpPort));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        Process demo = pb.start();
        long started = System.nanoTime();
        try {
            long deadline = started + bound.toNanos();
            long synced = 0;
            while (synced < wanted && System.nanoTime() < deadline && demo.isAlive()) {
                Thread.sleep(500);
                synced = syncedCount(httpPort);
            }
            assertThat(synced).as("SYNCED batches within %s s (see %s)", bound.toSeconds(), workDir.resolve("demo.log"))
                    .isGreaterThanOrEqualTo(wanted);
            System.out.printf("demo %s: %d batches SYNCED %.1f s after start%n", options, synced,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private long syncedCount(int port) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/batches?state=SYNCED&limit=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("total").asLong() : 0;
        } catch (IOException notYetListening) {
            return 0;
        }
    }
}
