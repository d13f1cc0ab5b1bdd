package io.odooplc.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge as an operator starts it, in its own JVM and working directory: a bad setting stops it with exit code 2
 * and one line naming the variable, the value and what is allowed; settings come from the environment, then ./.env,
 * then ./application.properties.
 */
class BridgeMainProcessTest {

    @TempDir
    Path workDir;

    record Result(int exitCode, String stderr) {
    }

    @BeforeEach
    void copyDefaults() throws IOException {
        Files.copy(Path.of("application.properties"), workDir.resolve("application.properties"));
        // Settings are validated once Camel has read its own configuration, which includes the routes directory.
        Files.createDirectory(workDir.resolve("routes"));
    }

    private Result run(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BridgeMain.class.getName()).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ENABLE_") || k.contains("INTERVAL") || k.startsWith("ODOO_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bridge exits by itself").isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), err);
    }

    private void dotEnv(String... lines) throws IOException {
        Files.write(workDir.resolve(".env"), List.of(lines));
    }

    @Test
    void aBadValueStopsTheBridgeWithOneClearLine() throws Exception {
        Result r = run(Map.of("ENABLE_TASK_2_PLC_READ", "ture"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).isEqualTo(
                "Configuration error: ENABLE_TASK_2_PLC_READ='ture' is not valid: true or false (any case; also 1/0, yes/no)");
    }

    @Test
    void aMissingRoutesFolderIsAConfigurationError() throws Exception {
        Files.delete(workDir.resolve("routes"));
        Result r = run(Map.of());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).isEqualTo("Configuration error: ROUTES_DIR='routes' is not valid: no such folder in "
                + workDir.toRealPath() + "; it must hold the bridge's route files (*.camel.yaml)");
    }

    @Test
    void zeroMinutesIsRefused() throws Exception {
        Result r = run(Map.of("SYNC_INTERVAL_MINUTES", "0"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("SYNC_INTERVAL_MINUTES='0' is not valid: a whole number of minutes >= 1");
    }

    @Test
    void applicationPropertiesIsTheBottomLayer() throws Exception {
        Path props = workDir.resolve("application.properties");
        Files.writeString(props, Files.readString(props).replace("SYNC_INTERVAL_MINUTES=60", "SYNC_INTERVAL_MINUTES=-7"));
        Result r = run(Map.of());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("SYNC_INTERVAL_MINUTES='-7'");
    }

    @Test
    void dotEnvWinsOverApplicationProperties() throws Exception {
        dotEnv("# plant settings", "SYNC_INTERVAL_MINUTES=abc");
        Result r = run(Map.of());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("SYNC_INTERVAL_MINUTES='abc'");
    }

    @Test
    void aDotEnvThatCannotBeReadIsAConfigurationError() throws Exception {
        dotEnv("SYNC_INTERVAL_MINUTES=5", "this line has no equals sign");
        Result r = run(Map.of());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("Configuration error: ")
                .endsWith("line 2: expected KEY=value, found 'this line has no equals sign'");
    }

    @Test
    void environmentWinsOverDotEnv() throws Exception {
        dotEnv("SYNC_INTERVAL_MINUTES=abc");
        Result r = run(Map.of("SYNC_INTERVAL_MINUTES", "0"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("SYNC_INTERVAL_MINUTES='0'").doesNotContain("abc");
    }

    @Test
    void odooCredentialsAreAskedForOnlyWhenNeeded() throws Exception {
        Result r = run(Map.of());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("ODOO_URL=(not set) is not valid")
                .contains("required because a task that talks to Odoo is enabled");
    }
}
