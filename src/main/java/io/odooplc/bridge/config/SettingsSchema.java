package io.odooplc.bridge.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.odooplc.bridge.config.Setting.Group;
import io.odooplc.bridge.config.Setting.Type;

/**
 * Every setting of the bridge, declared once (see {@link Setting}), in the order of the README's configuration table.
 * A new setting is one line here plus its default in {@code application.properties}, its line in
 * {@code .env.example} and its README row (the tests name what is missing), and its use: read by name through
 * {@link BridgeSettings#values()}, parsed and checked at start-up by the type declared here.
 */
public final class SettingsSchema {

    private static final String PORT_ALLOWED = "a TCP port 0..65535 (0 = any free port)";
    private static final Type MINUTES = Type.wholeNumber(1, Integer.MAX_VALUE, "a whole number of minutes >= 1");
    private static final Type INTERVAL = Type.duration(BridgeSettings.MIN_INTERVAL);

    public static final List<Setting> ALL = List.of(
            // Scheduler
            new Setting("ENABLE_AUTO_SYNC", "true", Type.flag(),
                    "Master switch: `false` keeps every task timer stopped (tasks can still be run by hand).",
                    Group.SCHEDULER),
            new Setting("ENABLE_TASK_1_AUTO_SYNC", "true", Type.flag(),
                    "Task 1 timer (MO sync), under the master switch.",
                    Group.SCHEDULER),
            new Setting("ENABLE_TASK_2_PLC_READ", "true", Type.flag(),
                    "Task 2 timer (PLC read).",
                    Group.SCHEDULER),
            new Setting("ENABLE_TASK_3_PROCESS_COMPLETED", "true", Type.flag(),
                    "Task 3 timer (post completed batches to Odoo).",
                    Group.SCHEDULER),
            new Setting("ENABLE_TASK_4_HEALTH_MONITOR", "true", Type.flag(),
                    "Task 4 timer (batch health).",
                    Group.SCHEDULER),
            new Setting("ENABLE_TASK_5_EQUIPMENT_FAILURE", "true", Type.flag(),
                    "Task 5 timer (equipment failures).",
                    Group.SCHEDULER),
            new Setting("ENABLE_TASK_6_LOG_CLEANUP", "true", Type.flag(),
                    "Task 6 timer (retention).",
                    Group.SCHEDULER),
            new Setting("SYNC_INTERVAL_MINUTES", "60", MINUTES,
                    "Task 1 interval, whole minutes >= 1.",
                    Group.SCHEDULER),
            new Setting("PLC_READ_INTERVAL_MINUTES", "5", MINUTES,
                    "Task 2 interval.",
                    Group.SCHEDULER),
            new Setting("PROCESS_COMPLETED_INTERVAL_MINUTES", "3", MINUTES,
                    "Task 3 interval.",
                    Group.SCHEDULER),
            new Setting("HEALTH_MONITOR_INTERVAL_MINUTES", "10", MINUTES,
                    "Task 4 interval.",
                    Group.SCHEDULER),
            new Setting("EQUIPMENT_FAILURE_INTERVAL_MINUTES", "5", MINUTES,
                    "Task 5 interval.",
                    Group.SCHEDULER),
            new Setting("LOG_CLEANUP_INTERVAL_MINUTES", "1440", MINUTES,
                    "Task 6 interval.",
                    Group.SCHEDULER),
            new Setting("SYNC_INTERVAL", null, INTERVAL,
                    "Task 1 interval as a duration (`500ms`, `10s`, `5m`, `1h`; >= 100ms); wins over the minutes form.",
                    Group.SCHEDULER),
            new Setting("PLC_READ_INTERVAL", null, INTERVAL,
                    "Task 2 interval as a duration.",
                    Group.SCHEDULER),
            new Setting("PROCESS_COMPLETED_INTERVAL", null, INTERVAL,
                    "Task 3 interval as a duration.",
                    Group.SCHEDULER),
            new Setting("HEALTH_MONITOR_INTERVAL", null, INTERVAL,
                    "Task 4 interval as a duration.",
                    Group.SCHEDULER),
            new Setting("EQUIPMENT_FAILURE_INTERVAL", null, INTERVAL,
                    "Task 5 interval as a duration.",
                    Group.SCHEDULER),
            new Setting("LOG_CLEANUP_INTERVAL", null, INTERVAL,
                    "Task 6 interval as a duration.",
                    Group.SCHEDULER),
            new Setting("TASK_START_DELAY", "10s", Type.duration(Duration.ZERO),
                    "First run of each task comes this long after start (a duration, `0s` allowed).",
                    Group.SCHEDULER),

            // Tasks
            new Setting("SYNC_BATCH_LIMIT", "10",
                    Type.wholeNumber(1, 10, "a whole number from 1 to 10 (the PLC has 10 recipe slots)"),
                    "MOs fetched per task 1 cycle: 1..10 (the PLC's recipe slots).",
                    Group.TASKS),
            new Setting("BATCH_STUCK_THRESHOLD_MINUTES", "15", MINUTES,
                    "Task 4: an active batch whose slot was not read successfully for this long is stuck.",
                    Group.TASKS),
            new Setting("BATCH_STUCK_THRESHOLD", null, INTERVAL,
                    "The same as a duration; wins when set.",
                    Group.TASKS),
            new Setting("BATCH_HEALTH_AFFECTS_READINESS", "false", Type.flag(),
                    "`true`: task 4 findings turn the `batches` readiness check DOWN (liveness never depends on "
                            + "batches).",
                    Group.TASKS),
            new Setting("LOG_RETENTION_DAYS", "30",
                    Type.wholeNumber(Integer.MIN_VALUE, Integer.MAX_VALUE,
                            "a whole number of days (< 1 disables deletion)"),
                    "Task 6 deletes task runs and archived batches' events older than this; `< 1` disables deletion "
                            + "(with a warning).",
                    Group.TASKS),
            new Setting("LOG_CLEANUP_KEEP_LAST", "1000", Type.wholeNumber(0, Integer.MAX_VALUE, "a whole number >= 0"),
                    "Task 6 always keeps this many newest records of each kind.",
                    Group.TASKS),

            // PostgreSQL
            new Setting("DATABASE_URL", null, Type.checked("url", DatabaseUrl.ALLOWED, "mysql://db/bridge"),
                    "PostgreSQL: `postgresql://user:pw@host:5432/db`, legacy `postgresql+psycopg2://...`, or "
                            + "`jdbc:postgresql://...`. Unset: embedded PostgreSQL.",
                    Group.POSTGRESQL),
            new Setting("EMBEDDED_DB_DIR", "data/postgres", Type.text(),
                    "Data directory of the embedded PostgreSQL (kept across restarts).",
                    Group.POSTGRESQL),
            new Setting("EMBEDDED_DB_PORT", "0", Type.wholeNumber(0, 65535, PORT_ALLOWED),
                    "Port of the embedded PostgreSQL on 127.0.0.1 (`0` = any free port).",
                    Group.POSTGRESQL),

            // PLC Map
            new Setting("PLC_MAP_FILE", null,
                    Type.checked("path", "a readable, valid memory map", "does/not/exist.yaml"),
                    "The PLC memory map (YAML, validated at start-up: fields inside the slot stride, no overlaps, "
                            + "flags inside their areas, frame limits). Unset: the legacy CJ2M feed-mill map in "
                            + "the jar (`src/main/resources/plc/cj2m-feed-mill.yaml`).",
                    Group.PLC_MAP),

            // PLC
            new Setting("PLC_URL", null,
                    Type.checked("url", "a PLC4X connection string such as modbus-tcp://192.168.1.2:502 or "
                            + "fins:udp://192.168.1.2:9600", "192.168.1.2:502"),
                    "PLC4X connection string, e.g. `modbus-tcp://192.168.1.2:502`; wins over the legacy PLC "
                            + "settings. Checked at start: port 1..65535, `request-timeout` a whole number of ms, "
                            + "FINS options as the FINS driver reads them.",
                    Group.PLC),
            new Setting("PLC_PROTOCOL", "udp",
                    Type.choice("udp or tcp (Omron FINS), or modbus (Modbus TCP); or set PLC_URL", "udp", "tcp",
                            "modbus"),
                    "Legacy: `udp`/`tcp` (Omron FINS) or `modbus` (Modbus TCP), used to build `PLC_URL` when unset.",
                    Group.PLC),
            new Setting("PLC_IP", "192.168.1.2", Type.text(),
                    "Legacy: PLC address.",
                    Group.PLC),
            new Setting("PLC_PORT", "9600", Type.wholeNumber(1, 65535, "a TCP/UDP port 1..65535"),
                    "Legacy: PLC port.",
                    Group.PLC),
            new Setting("PLC_TIMEOUT_SEC", "2", Type.positiveDecimal("a number of seconds > 0, e.g. 2 or 0.5"),
                    "PLC request timeout in seconds (decimals allowed).",
                    Group.PLC),
            new Setting("CLIENT_NODE", "1", Type.wholeNumber(0, 254, "a FINS node number 0..254"),
                    "Legacy FINS source node (0..254).",
                    Group.PLC),
            new Setting("PLC_NODE", "2", Type.wholeNumber(0, 254, "a FINS node number 0..254"),
                    "Legacy FINS destination node (0..254).",
                    Group.PLC),

            // Odoo
            new Setting("ODOO_URL", null, Type.checked("url", "an http:// or https:// URL", "ftp://odoo:8069"),
                    "Odoo base URL (`ODOO_BASE_URL` is accepted too). Required when task 1 or 3 is enabled, or task 5 "
                            + "with `ODOO_FAILURE_REPORTS=true`.",
                    Group.ODOO),
            new Setting("ODOO_DB", null, Type.text(),
                    "Odoo database. Required with `ODOO_URL`.",
                    Group.ODOO),
            new Setting("ODOO_USERNAME", null, Type.text(),
                    "Odoo login. Required with `ODOO_URL`.",
                    Group.ODOO),
            new Setting("ODOO_PASSWORD", null, Type.checked("secret", "any text; never logged"),
                    "Odoo password; never logged. Required with `ODOO_URL`.",
                    Group.ODOO),
            new Setting("ODOO_API", "addon",
                    Type.choice("addon (the SCADA addon) or stock (Odoo 14-19 without addon)", "addon", "stock"),
                    "`addon`: the SCADA addon's routes; `stock`: Odoo 14-19's own API, no addon (see "
                            + "[Stock Odoo](#stock-odoo)). Only that adapter's route file is loaded.",
                    Group.ODOO),
            new Setting("ODOO_CONNECT_TIMEOUT", "5s", Type.duration(BridgeSettings.MIN_INTERVAL),
                    "Connect timeout of one Odoo call.",
                    Group.ODOO),
            new Setting("ODOO_TIMEOUT", "30s", Type.duration(BridgeSettings.MIN_INTERVAL),
                    "The whole of one Odoo call, answer body included: a server that stalls or trickles its answer "
                            + "fails the call at this time (a timed-out call is not repeated within the run).",
                    Group.ODOO),
            new Setting("ODOO_MAX_ANSWER_SIZE", "32MB", Type.byteSize(),
                    "Largest Odoo answer read (`KB`, `MB`, `GB`); a larger one fails the call unread, so a runaway "
                            + "answer cannot fill the memory.",
                    Group.ODOO),
            new Setting("ODOO_HTTP_RETRIES", "2",
                    Type.wholeNumber(0, 10, "a whole number from 0 to 10 (extra tries of one call after a "
                            + "connection error or HTTP 5xx)"),
                    "Extra tries of one call after a connection error or HTTP 5xx (0..10); never for business errors.",
                    Group.ODOO),
            new Setting("ODOO_HTTP_RETRY_DELAY", "1s", Type.duration(Duration.ZERO),
                    "First wait between those tries, doubling.",
                    Group.ODOO),
            new Setting("ODOO_CIRCUIT_FAILURES", "3",
                    Type.wholeNumber(1, 1000, "a whole number from 1 to 1000 (consecutive failed calls that open "
                            + "the circuit)"),
                    "Failed calls in a row that open the circuit: then calls fail at once, nothing is sent.",
                    Group.ODOO),
            new Setting("ODOO_CIRCUIT_COOLDOWN", "60s", Type.duration(BridgeSettings.MIN_INTERVAL),
                    "Time the circuit stays open before one trial call decides.",
                    Group.ODOO),
            new Setting("ODOO_RETRY_BACKOFF", "30s", Type.duration(BridgeSettings.MIN_INTERVAL),
                    "Task 3 / auto-cancel / failure reports: first wait before a batch is offered to Odoo again, "
                            + "doubling.",
                    Group.ODOO),
            new Setting("ODOO_RETRY_BACKOFF_MAX", "30m", Type.duration(BridgeSettings.MIN_INTERVAL),
                    "Longest such wait (at least `ODOO_RETRY_BACKOFF`).",
                    Group.ODOO),
            new Setting("ODOO_MAX_ATTEMPTS", "10",
                    Type.wholeNumber(1, 1000, "a whole number from 1 to 1000 (posts of one batch before it needs "
                            + "attention)"),
                    "Attempts before a batch goes to `NEEDS_ATTENTION` (1..1000). Failure reports have no limit: "
                            + "they are offered until Odoo takes or refuses them.",
                    Group.ODOO),
            new Setting("ODOO_MARK_DONE", "false", Type.flag(),
                    "`true`: close the MO after a successful post; the batch is SYNCED only once Odoo holds the MO done, else retried (the post repeated) and then `NEEDS_ATTENTION`.",
                    Group.ODOO),
            new Setting("ODOO_UNMAPPED_COMPONENTS", "planned",
                    Type.choice("planned, zero or leave", "planned", "zero", "leave"),
                    "Stock Odoo: what a post writes on a raw move whose product is on no PLC equipment (added by hand): `planned` its demand, `zero` 0, `leave` nothing.",
                    Group.ODOO),
            new Setting("ODOO_MO_DOMAIN", null,
                    new Type("json", OdooDomain.ALLOWED, OdooDomain::parse, List.of("state = done",
                            "{\"state\": \"done\"}", "[[\"state\", \"is\", \"done\"]]",
                            "[\"|\", [\"state\", \"=\", \"done\"]]")),
                    "Stock Odoo: extra Odoo domain (JSON) for task 1's MO search, and-ed with state `confirmed`, "
                            + "e.g. `[[\"picking_type_id.name\", \"=\", \"Feed line 1\"]]`; checked at start-up.",
                    Group.ODOO),
            new Setting("ODOO_FAILURE_REPORTS", "true", Type.flag(),
                    "`false`: task 5 stores and acknowledges equipment failures but does not report them to Odoo.",
                    Group.ODOO),

            // Operations
            new Setting("HTTP_HOST", "0.0.0.0", Type.text(),
                    "Address of the task API server.",
                    Group.OPERATIONS),
            new Setting("HTTP_PORT", "8080", Type.wholeNumber(1, 65535, "a TCP port 1..65535"),
                    "Port of the task API (`/api/...`).",
                    Group.OPERATIONS),
            new Setting("MANAGEMENT_HOST", "127.0.0.1", Type.text(),
                    "Address of the management server (health, metrics).",
                    Group.OPERATIONS),
            new Setting("MANAGEMENT_PORT", "8081", Type.wholeNumber(0, 65535, PORT_ALLOWED),
                    "Port of the management server (`/observe/health`, `/observe/metrics`).",
                    Group.OPERATIONS),
            new Setting("ADMIN_TOKEN", null,
                    Type.checked("secret", "at least 12 characters, or unset to disable the control API", "short"),
                    "Bearer token for the control API (>= 12 characters). Unset: control calls answer 403.",
                    Group.OPERATIONS),
            new Setting("ROUTES_DIR", "routes", Type.text(),
                    "Directory of the route files (`*.camel.yaml`, `*.camel.xml`).",
                    Group.OPERATIONS),
            new Setting("ROUTES_RELOAD_ENABLED", "false", Type.flag(),
                    "`true`: editing a file in `ROUTES_DIR` reloads its routes without a restart.",
                    Group.OPERATIONS),
            new Setting("CAMEL_CLI_ENABLED", "true", Type.flag(),
                    "The Camel CLI (`camel ps`, `camel get`, `camel cmd`) sees and controls the bridge; its status "
                            + "(what `camel ps`/`camel get` show) is refreshed every 60 s and right after a "
                            + "command, as each refresh costs about half a second of CPU. `false`: no CLI thread, "
                            + "no files in `~/.camel`.",
                    Group.OPERATIONS),
            new Setting("BRIDGE_DEMO", "false", Type.flag(),
                    "`true`: run the demo (simulated PLC, fake Odoo, embedded PostgreSQL in `data/demo`), whatever the "
                            + "PLC, Odoo and database settings say; `--demo` sets it.",
                    Group.OPERATIONS),
            new Setting("BRIDGE_DEMO_FAULTS", "false", Type.flag(),
                    "`true`: the demo switches on the simulators' faults now and then; `--demo-faults` sets it.",
                    Group.OPERATIONS),
            new Setting("BRIDGE_DEMO_KEEP_DATA", "false", Type.flag(),
                    "`true`: the demo keeps its database between runs; `--keep-data` sets it.",
                    Group.OPERATIONS),
            new Setting("BRIDGE_DEMO_ODOO", "addon",
                    Type.choice("addon, stock, stock-14, stock-16, stock-17 or stock-19", "addon", "stock", "stock-14",
                            "stock-16", "stock-17", "stock-19"),
                    "`addon`: the demo's Odoo is the SCADA addon's double; `stock` (Odoo 17), `stock-14`, "
                            + "`stock-16`, `stock-19`: a stock Odoo double and `ODOO_API=stock`; `--odoo stock` sets it.",
                    Group.OPERATIONS));

    /**
     * Values the routes read that the bridge derives from the settings above at start-up, so a route file never
     * repeats a conversion: name and what it holds.
     */
    public static final Map<String, String> DERIVED = Map.of(
            "PLC_ENDPOINT", "the camel-plc4x endpoint for PLC_URL (or the legacy PLC settings), with autoReconnect and "
                    + "request-timeout",
            "PLC_TIMEOUT_MILLIS", "PLC_TIMEOUT_SEC in milliseconds",
            "ODOO_CONNECT_TIMEOUT_MILLIS", "ODOO_CONNECT_TIMEOUT in milliseconds",
            "ODOO_TIMEOUT_MILLIS", "ODOO_TIMEOUT in milliseconds",
            "ODOO_HTTP_RETRY_DELAY_MILLIS", "ODOO_HTTP_RETRY_DELAY in milliseconds");

    private SettingsSchema() {
    }

    public static Optional<Setting> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
