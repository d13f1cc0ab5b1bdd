package io.odooplc.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge under Camel JBang, as the README tells an operator: {@code tools/camel run routes/*.camel.yaml
 * application.properties --dep=io.odooplc:odoo-plc-bridge:<version> --prop=BRIDGE_DEMO=true} in a folder holding
 * only the route files and application.properties. The demo's PLC simulator and fake Odoo listen on free loopback
 * ports; then {@code camel ps} and {@code camel cmd stop-route} work on the running process by its PID.
 */
class CamelJBangIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path CAMEL = Path.of("tools", "camel").toAbsolutePath();
    /** The bridge as Camel JBang resolves it: from the local Maven repository, where the build installs it. */
    static final String BRIDGE_DEP = "--dep=io.odooplc:odoo-plc-bridge:" + System.getProperty("bridge.version");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void camelRunRunsTheWholeBridgeAndTheCliReachesIt(@TempDir Path workDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(CAMEL.toString(), "run"));
        command.addAll(copyRouteFilesAndProperties(workDir));
        command.addAll(List.of(BRIDGE_DEP, "--prop=BRIDGE_DEMO=true"));
        int httpPort = FreePorts.next();
        Path log = workDir.resolve("camel-run.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("HTTP_PORT", Integer.toString(httpPort));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        Process run = pb.start();
        try {
            // The first call builds the launcher from Maven; later ones start in seconds. Bounds are for a loaded CI
            // machine (several builds at once); each wait ends as soon as what it waits for is there.
            await("'Scheduler started: 6/6' in " + log, Duration.ofMinutes(10), run,
                    () -> read(log).contains("Scheduler started: 6/6 tasks enabled"));
            await("a batch SYNCED (see " + log + ")", Duration.ofMinutes(5), run,
                    () -> count(httpPort, "/api/batches?state=SYNCED&limit=1") >= 1);

            String pid = Long.toString(run.pid());
            assertThat(camel(workDir, "ps")).contains(pid);
            camel(workDir, "cmd", "stop-route", "--id=task2-plc-read", pid);
            await("task2-plc-read Stopped in /api/tasks", Duration.ofMinutes(2), run,
                    () -> "Stopped".equals(taskStatus(httpPort, "task2-plc-read")));
            assertThat(taskStatus(httpPort, "task1-mo-sync")).isEqualTo("Started");
        } finally {
            run.destroy();
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
        }
    }

    /**
     * Copies the route files and application.properties into {@code workDir}, as an operator's folder holds them;
     * returns the arguments that name them for the Camel CLI.
     */
    static List<String> copyRouteFilesAndProperties(Path workDir) throws IOException {
        List<String> files = new ArrayList<>();
        Path routes = Files.createDirectory(workDir.resolve("routes"));
        try (Stream<Path> all = Files.list(Path.of("routes"))) {
            for (Path f : (Iterable<Path>) all.sorted()::iterator) {
                Files.copy(f, routes.resolve(f.getFileName()));
                if (f.getFileName().toString().endsWith(".camel.yaml")) {
                    files.add("routes/" + f.getFileName());
                }
            }
        }
        Files.copy(Path.of("application.properties"), workDir.resolve("application.properties"));
        files.add("application.properties");
        return files;
    }

    static String camel(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CAMEL.toString()));
        command.addAll(List.of(args));
        return exec(workDir, Duration.ofMinutes(3), command);
    }

    /** Runs a command to its end in {@code workDir}; its output, after checking it ended in time with exit code 0. */
    static String exec(Path workDir, Duration timeout, List<String> command) throws Exception {
        Path out = Files.createTempFile(workDir, "exec", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(out);
        assertThat(ended).as("%s ended within %s: %s", String.join(" ", command), timeout, output).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
        return output;
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The "total" of a list API answer, 0 while the bridge does not answer. */
    static long count(int port, String path) {
        JsonNode body = get(port, path);
        return body == null ? 0 : body.path("total").asLong();
    }

    private static String taskStatus(int port, String routeId) {
        JsonNode tasks = get(port, "/api/tasks");
        if (tasks != null) {
            for (JsonNode task : tasks.path("tasks")) {
                if (task.path("routeId").asText().equals(routeId)) {
                    return task.path("status").asText();
                }
            }
        }
        return null;
    }

    private static JsonNode get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException notYetListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits for what the running process makes true; fails at once if the process ends meanwhile. */
    static void await(String what, Duration timeout, Process run, BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(run.isAlive()).as("camel run still running while waiting for %s", what).isTrue();
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
