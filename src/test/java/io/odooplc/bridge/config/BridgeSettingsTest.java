package io.odooplc.bridge.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation against the repository's real application.properties defaults. */
class BridgeSettingsTest {

    private static BridgeSettings load(Map<String, String> top) {
        return TestSettings.load(top);
    }

    @Test
    void defaultsAreTheUsersDocument() {
        BridgeSettings s = load(Map.of());
        assertThat(s.masterSwitch()).isTrue();
        assertThat(s.enabledTaskCount()).isEqualTo(6);
        assertThat(s.schedule(Task.MO_SYNC).interval()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.schedule(Task.PLC_READ).interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.schedule(Task.PROCESS_COMPLETED).interval()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.schedule(Task.HEALTH_MONITOR).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.schedule(Task.EQUIPMENT_FAILURE).interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.schedule(Task.LOG_CLEANUP).interval()).isEqualTo(Duration.ofMinutes(1440));
        assertThat(s.syncBatchLimit()).isEqualTo(10);
        assertThat(s.batchStuckThreshold()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.logRetentionDays()).isEqualTo(30);
        assertThat(s.logCleanupKeepLast()).isEqualTo(1000);
        assertThat(s.taskStartDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.database()).isEmpty();
        assertThat(s.plcUrl()).isEqualTo("fins:udp://192.168.1.2:9600?client-node=1&plc-node=2&request-timeout=2000");
    }

    @Test
    void durationWinsOverMinutes() {
        BridgeSettings s = load(Map.of("PLC_READ_INTERVAL", "500ms", "PLC_READ_INTERVAL_MINUTES", "7",
                "SYNC_INTERVAL_MINUTES", "2"));
        assertThat(s.schedule(Task.PLC_READ).interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.schedule(Task.PLC_READ).intervalSetting()).isEqualTo("PLC_READ_INTERVAL");
        assertThat(s.schedule(Task.MO_SYNC).interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.schedule(Task.MO_SYNC).intervalSetting()).isEqualTo("SYNC_INTERVAL_MINUTES");
    }

    @Test
    void aSettingAnotherOneWinsOverIsNotRead() {
        BridgeSettings s = load(Map.of("SYNC_INTERVAL", "5m", "SYNC_INTERVAL_MINUTES", "soon",
                "PLC_URL", "modbus-tcp://127.0.0.1:5020", "PLC_PORT", "any", "PLC_PROTOCOL", "serial"));
        assertThat(s.schedule(Task.MO_SYNC).interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.plcUrl()).isEqualTo("modbus-tcp://127.0.0.1:5020");
        assertThatThrownBy(() -> load(Map.of("SYNC_INTERVAL_MINUTES", "soon")))
                .hasMessageStartingWith("SYNC_INTERVAL_MINUTES='soon' is not valid");
    }

    @Test
    void everySettingIsReadByNameAsItsDeclarationSays() {
        BridgeSettings s = load(Map.of("ODOO_MARK_DONE", "yes", "ODOO_MAX_ANSWER_SIZE", "1KB", "EMBEDDED_DB_PORT", "5433"));
        assertThat(s.values().flag("ODOO_MARK_DONE")).isTrue();
        assertThat(s.values().get("ODOO_MAX_ANSWER_SIZE", Long.class)).isEqualTo(1024L);
        assertThat(s.values().number("EMBEDDED_DB_PORT")).isEqualTo(5433);
        assertThat(s.values().find("SYNC_INTERVAL", Duration.class)).isEmpty();
        assertThatThrownBy(() -> s.values().flag("NOT_A_SETTING")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not declared");
    }

    @Test
    void masterOffDisablesEveryTaskButKeepsTheirFlags() {
        BridgeSettings s = load(Map.of("ENABLE_AUTO_SYNC", "false", "ENABLE_TASK_3_PROCESS_COMPLETED", "false"));
        assertThat(s.enabledTaskCount()).isZero();
        assertThat(s.schedule(Task.MO_SYNC).flag()).isTrue();
        assertThat(s.schedule(Task.PROCESS_COMPLETED).flag()).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "SYNC_INTERVAL_MINUTES|0|SYNC_INTERVAL_MINUTES='0' is not valid: a whole number of minutes >= 1",
        "SYNC_INTERVAL_MINUTES|abc|SYNC_INTERVAL_MINUTES='abc' is not valid: a whole number of minutes >= 1",
        "PLC_READ_INTERVAL_MINUTES|2.5|PLC_READ_INTERVAL_MINUTES='2.5' is not valid",
        "ENABLE_TASK_2_PLC_READ|ture|ENABLE_TASK_2_PLC_READ='ture' is not valid: true or false",
        "ENABLE_AUTO_SYNC|maybe|ENABLE_AUTO_SYNC='maybe' is not valid",
        "HEALTH_MONITOR_INTERVAL|50ms|HEALTH_MONITOR_INTERVAL='50ms' is not valid: a duration such as 500ms, 10s, 5m, 1h (at least 100ms)",
        "SYNC_BATCH_LIMIT|11|SYNC_BATCH_LIMIT='11' is not valid: a whole number from 1 to 10",
        "SYNC_BATCH_LIMIT|0|SYNC_BATCH_LIMIT='0' is not valid",
        "DATABASE_URL|mysql://u:secret@h/db|DATABASE_URL='mysql://u:***@h/db' is not valid",
        "ODOO_URL|odoo:8069|ODOO_URL='odoo:8069' is not valid: an http:// or https:// URL",
        "PLC_PROTOCOL|serial|PLC_PROTOCOL='serial' is not valid: udp or tcp (Omron FINS), or modbus",
        "PLC_URL|192.168.1.2|PLC_URL='192.168.1.2' is not valid: a PLC4X connection string",
        "PLC_URL|s7://10.0.0.1|PLC_URL='s7://10.0.0.1' is not valid: a protocol the memory map has addresses for: modbus-tcp or fins",
        "PLC_PORT|70000|PLC_PORT='70000' is not valid",
        "PLC_TIMEOUT_SEC|0|PLC_TIMEOUT_SEC='0' is not valid",
        "MANAGEMENT_PORT|-1|MANAGEMENT_PORT='-1' is not valid",
        "LOG_CLEANUP_KEEP_LAST|-1|LOG_CLEANUP_KEEP_LAST='-1' is not valid",
        "BATCH_STUCK_THRESHOLD_MINUTES|0|BATCH_STUCK_THRESHOLD_MINUTES='0' is not valid",
        "ODOO_TIMEOUT|30|ODOO_TIMEOUT='30' is not valid: a duration such as 500ms, 10s, 5m, 1h (at least 100ms)",
        "ODOO_CONNECT_TIMEOUT|0s|ODOO_CONNECT_TIMEOUT='0s' is not valid: a duration",
        "ODOO_HTTP_RETRIES|11|ODOO_HTTP_RETRIES='11' is not valid: a whole number from 0 to 10",
        "ODOO_HTTP_RETRY_DELAY|soon|ODOO_HTTP_RETRY_DELAY='soon' is not valid: a duration",
        "ODOO_CIRCUIT_FAILURES|0|ODOO_CIRCUIT_FAILURES='0' is not valid: a whole number from 1 to 1000",
        "ODOO_CIRCUIT_COOLDOWN|-5s|ODOO_CIRCUIT_COOLDOWN='-5s' is not valid",
        "ODOO_RETRY_BACKOFF|10ms|ODOO_RETRY_BACKOFF='10ms' is not valid: a duration such as 500ms, 10s, 5m, 1h (at least 100ms)",
        "ODOO_RETRY_BACKOFF_MAX|10s|ODOO_RETRY_BACKOFF_MAX='10s' is not valid: a duration at least ODOO_RETRY_BACKOFF (30s)",
        "ODOO_MAX_ATTEMPTS|0|ODOO_MAX_ATTEMPTS='0' is not valid: a whole number from 1 to 1000",
        "ODOO_MARK_DONE|sometimes|ODOO_MARK_DONE='sometimes' is not valid: true or false",
        "ODOO_API|xmlrpc|ODOO_API='xmlrpc' is not valid: addon (the SCADA addon) or stock (Odoo 14-19 without addon)",
        "ODOO_UNMAPPED_COMPONENTS|none|ODOO_UNMAPPED_COMPONENTS='none' is not valid: planned, zero or leave",
        "CAMEL_CLI_ENABLED|maybe|CAMEL_CLI_ENABLED='maybe' is not valid: true or false",
    })
    void badValuesAreNamedWithWhatIsAllowed(String key, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void odooCallAndRetryDefaults() {
        BridgeSettings s = load(Map.of());
        assertThat(s.odooCalls()).isEqualTo(new BridgeSettings.OdooCallSettings(Duration.ofSeconds(5),
                Duration.ofSeconds(30), 2, Duration.ofSeconds(1), 3, Duration.ofSeconds(60), 32L << 20));
        assertThat(s.odooRetry()).isEqualTo(new BridgeSettings.OdooRetrySettings(Duration.ofSeconds(30),
                Duration.ofMinutes(30), 10, false));
    }

    @Test
    void odooCallAndRetryOverrides() {
        BridgeSettings s = load(Map.of("ODOO_TIMEOUT", "1500ms", "ODOO_HTTP_RETRIES", "0", "ODOO_HTTP_RETRY_DELAY", "0s",
                "ODOO_RETRY_BACKOFF", "200ms", "ODOO_RETRY_BACKOFF_MAX", "1s", "ODOO_MAX_ATTEMPTS", "3",
                "ODOO_MARK_DONE", "yes"));
        assertThat(s.odooCalls().timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.odooCalls().httpRetries()).isZero();
        assertThat(s.odooCalls().httpRetryDelay()).isZero();
        assertThat(s.odooRetry()).isEqualTo(new BridgeSettings.OdooRetrySettings(Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, true));
    }

    @Test
    void odooIsRequiredOnlyWhenATaskThatTalksToOdooIsOn() {
        Map<String, String> noOdoo = Map.of("ODOO_URL", "", "ODOO_DB", "", "ODOO_USERNAME", "", "ODOO_PASSWORD", "");
        assertThatThrownBy(() -> load(noOdoo)).hasMessageStartingWith("ODOO_URL=(not set) is not valid");

        Map<String, String> odooTasksOff = new HashMap<>(noOdoo);
        odooTasksOff.put("ENABLE_TASK_1_AUTO_SYNC", "false");
        odooTasksOff.put("ENABLE_TASK_3_PROCESS_COMPLETED", "no");
        odooTasksOff.put("ENABLE_TASK_5_EQUIPMENT_FAILURE", "0");
        assertThat(load(odooTasksOff).odoo()).isEmpty();

        Map<String, String> masterOff = new HashMap<>(noOdoo);
        masterOff.put("ENABLE_AUTO_SYNC", "false");
        assertThat(load(masterOff).odoo()).isEmpty();
    }

    @Test
    void legacyOdooBaseUrlIsAcceptedWhenOdooUrlIsUnset() {
        BridgeSettings s = load(Map.of("ODOO_URL", "", "ODOO_BASE_URL", "http://odoo.local:8069/"));
        assertThat(s.odoo().orElseThrow().url()).isEqualTo("http://odoo.local:8069");
    }

    @Test
    void passwordsNeverShowInToString() {
        BridgeSettings s = load(Map.of("ODOO_PASSWORD", "very-secret-pw"));
        assertThat(s.odoo().orElseThrow().toString()).doesNotContain("very-secret-pw");
    }

    @Test
    void theMemoryMapFileIsValidatedAtStartUp(@TempDir Path dir) throws Exception {
        String map = new String(getClass().getResourceAsStream("/plc/cj2m-feed-mill.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Path fiveSlots = dir.resolve("five-slots.yaml");
        Files.writeString(fiveSlots, map.replace("count: 10", "count: 5"));
        assertThat(load(Map.of("PLC_MAP_FILE", fiveSlots.toString(), "SYNC_BATCH_LIMIT", "5")).memoryMap()
                .writeArea().count()).isEqualTo(5);
        assertThatThrownBy(() -> load(Map.of("PLC_MAP_FILE", fiveSlots.toString(), "SYNC_BATCH_LIMIT", "6")))
                .hasMessageStartingWith("SYNC_BATCH_LIMIT='6' is not valid: a whole number from 1 to 5");

        Path overlapping = dir.resolve("overlapping.yaml");
        Files.writeString(overlapping, map.replace("stride: 100", "stride: 50"));
        assertThatThrownBy(() -> load(Map.of("PLC_MAP_FILE", overlapping.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("PLC_MAP_FILE='" + overlapping + "' is not valid: a readable, valid memory map:")
                .hasMessageContaining("overlapping.yaml");
        assertThatThrownBy(() -> load(Map.of("PLC_MAP_FILE", dir.resolve("nope.yaml").toString())))
                .hasMessageContaining("cannot read memory map");
    }

    @Test
    void plcUrlFromLegacySettings() {
        assertThat(load(Map.of("PLC_PROTOCOL", "tcp", "PLC_IP", "10.0.0.5", "PLC_NODE", "10", "PLC_TIMEOUT_SEC", "0.5"))
                .plcUrl()).isEqualTo("fins:tcp://10.0.0.5:9600?client-node=1&plc-node=10&request-timeout=500");
        assertThat(load(Map.of("PLC_PROTOCOL", "MODBUS", "PLC_PORT", "502")).plcUrl())
                .isEqualTo("modbus-tcp://192.168.1.2:502?request-timeout=2000");
        assertThat(load(Map.of("PLC_URL", "modbus-tcp://127.0.0.1:5020")).plcUrl())
                .isEqualTo("modbus-tcp://127.0.0.1:5020");
    }

    @Test
    void plcEndpointKeepsTheDriversOptionsAndAddsTimeoutAndReconnect() {
        BridgeSettings modbus = load(Map.of("PLC_URL", "modbus-tcp://127.0.0.1:5020", "PLC_TIMEOUT_SEC", "1.5"));
        assertThat(modbus.plcProtocolCode()).isEqualTo("modbus-tcp");
        assertThat(modbus.plcEndpoint())
                .isEqualTo("plc4x:modbus-tcp://127.0.0.1:5020?autoReconnect=true&request-timeout=1500");
        assertThat(modbus.routeProperties()).containsEntry("PLC_TIMEOUT_MILLIS", "1500")
                .containsEntry("PLC_ENDPOINT", modbus.plcEndpoint());
        BridgeSettings own = load(Map.of("PLC_URL", "modbus-tcp://127.0.0.1:5020?default-unit-identifier=3&request-timeout=900"));
        assertThat(own.plcEndpoint()).isEqualTo(
                "plc4x:modbus-tcp://127.0.0.1:5020?default-unit-identifier=3&request-timeout=900&autoReconnect=true");
        assertThat(load(Map.of()).plcProtocolCode()).isEqualTo("fins");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://user:p%40ss@db.local:5433/scada|jdbc:postgresql://db.local:5433/scada|user|p@ss",
        "postgresql+psycopg2://user:password@localhost:5432/scada_odoo_db|jdbc:postgresql://localhost:5432/scada_odoo_db|user|password",
        "jdbc:postgresql://localhost:5432/db?user=u|jdbc:postgresql://localhost:5432/db?user=u||",
    })
    void databaseUrlForms(String url, String jdbc, String user, String password) {
        DatabaseUrl parsed = load(Map.of("DATABASE_URL", url)).database().orElseThrow();
        assertThat(parsed.jdbcUrl()).isEqualTo(jdbc);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
        assertThat(parsed.toString()).doesNotContain("p@ss").doesNotContain(":password@");
    }
}
