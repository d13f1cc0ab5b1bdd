package io.odooplc.bridge.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.odooplc.bridge.BridgeMain;
import io.odooplc.bridge.support.FreePorts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLC and Odoo URLs that look like URLs but cannot work (a port that is no port, an option that is no number) stop
 * the bridge at start in its own JVM with exit code 2 and one {@code Configuration error:} line, not a route start
 * failure with a long stack trace or a run that fails with a misleading message.
 */
class ConnectionUrlValidationTest {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "PLC_URL|modbus-tcp://127.0.0.1:99999|port '99999' is not a TCP port",
        "PLC_URL|modbus-tcp://127.0.0.1:502?request-timeout=abc|request-timeout='abc' is not a whole number",
        "PLC_URL|fins:tcp://127.0.0.1:notaport|expected fins:udp://host[:port][?options]",
        "PLC_URL|fins:udp://127.0.0.1:9600?request-timeout=abc|request-timeout='abc' is not a whole number",
        "ODOO_URL|http://127.0.0.1:99999|an http:// or https:// URL with a port 1..65535",
    })
    void aUrlThatCannotWorkStopsTheBridgeWithOneLine(String key, String value, String reason) throws Exception {
        Files.copy(Path.of("application.properties"), workDir.resolve("application.properties"));
        // Settings are validated once Camel has read its own configuration, which includes the routes directory.
        Files.createDirectory(workDir.resolve("routes"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BridgeMain.class.getName()).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PLC_") || k.startsWith("ODOO_"));
        pb.environment().put("ODOO_URL", "http://127.0.0.1:9");
        pb.environment().put("ODOO_DB", "test");
        pb.environment().put("ODOO_USERNAME", "bridge");
        pb.environment().put("ODOO_PASSWORD", "test-password");
        // Were the URL accepted, the bridge would start: keep it on free loopback ports, away from any database.
        pb.environment().put("HTTP_PORT", Integer.toString(FreePorts.next()));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        pb.environment().put("DATABASE_URL", "postgresql://u:p@127.0.0.1:" + FreePorts.next() + "/none");
        pb.environment().put(key, value);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err;
        try {
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the bridge exits by itself").isTrue();
            err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Configuration error: " + key + "='" + value + "' is not valid: ").contains(reason));
    }
}
