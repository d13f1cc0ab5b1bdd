package io.odooplc.bridge.config;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.MemoryMapException;

/**
 * Every setting of the bridge, read from a {@link SettingSource} and validated before anything starts. A bad value
 * raises {@link InvalidSettingException} naming the variable, the value and what is allowed.
 */
public record BridgeSettings(
        boolean masterSwitch,
        Map<Task, TaskSchedule> schedules,
        Duration taskStartDelay,
        int syncBatchLimit,
        Duration batchStuckThreshold,
        boolean batchHealthAffectsReadiness,
        int logRetentionDays,
        int logCleanupKeepLast,
        Optional<DatabaseUrl> database,
        String embeddedDbDir,
        int embeddedDbPort,
        MemoryMap memoryMap,
        String plcUrl,
        Duration plcTimeout,
        Optional<OdooSettings> odoo,
        OdooCallSettings odooCalls,
        OdooRetrySettings odooRetry,
        String httpHost,
        int httpPort,
        String managementHost,
        int managementPort,
        Optional<String> adminToken,
        String routesDir,
        boolean routesReloadEnabled,
        Map<String, String> resolved) {

    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    /** PLC4X protocol codes the memory map has an address mapping for. */
    public static final List<String> PLC_PROTOCOL_CODES = List.of("modbus-tcp", "fins");

    /** Whether a task runs on its timer, and how often. */
    public record TaskSchedule(boolean flag, boolean enabled, Duration interval, String intervalSetting) {
    }

    /** Odoo connection; present only when an enabled task talks to Odoo. */
    public record OdooSettings(String url, String db, String username, String password) {
        @Override
        public String toString() {
            return "OdooSettings[url=" + url + ", db=" + db + ", username=" + username + "]";
        }
    }

    /**
     * How one Odoo call behaves: timeouts, in-call retries (connection errors and HTTP 5xx only) and the circuit
     * breaker that turns a dead Odoo into one quick failure.
     */
    public record OdooCallSettings(Duration connectTimeout, Duration timeout, int httpRetries, Duration httpRetryDelay,
            int circuitFailures, Duration circuitCooldown, long maxAnswerBytes) {
    }

    /**
     * How task 3 retries a batch Odoo did not accept: exponential backoff from {@code backoff} up to
     * {@code backoffMax}, NEEDS_ATTENTION after {@code maxAttempts}; {@code markDone} closes the MO after a post.
     */
    public record OdooRetrySettings(Duration backoff, Duration backoffMax, int maxAttempts, boolean markDone) {
    }

    public static BridgeSettings load(SettingSource source) {
        return new Reader(source).read();
    }

    public TaskSchedule schedule(Task task) {
        return schedules.get(task);
    }

    public long enabledTaskCount() {
        return schedules.values().stream().filter(TaskSchedule::enabled).count();
    }

    private static final class Reader {
        private final SettingSource source;
        private final Map<String, String> resolved = new LinkedHashMap<>();

        Reader(SettingSource source) {
            this.source = source;
        }

        BridgeSettings read() {
            boolean master = bool(Task.MASTER_SWITCH);
            Map<Task, TaskSchedule> schedules = new EnumMap<>(Task.class);
            for (Task task : Task.values()) {
                boolean flag = bool(task.flag());
                schedules.put(task, schedule(task, flag, master && flag));
            }
            Duration startDelay = duration("TASK_START_DELAY");
            MemoryMap map = memoryMap();
            // A fetch never asks for more MOs than the PLC has recipe slots (plant-contract #26): the bound is the
            // map's, not the declaration's (which states the default map's).
            int slots = map.writeArea().count();
            int limit = integer("SYNC_BATCH_LIMIT", 1, slots, "a whole number from 1 to " + slots
                    + " (the PLC has " + slots + " recipe slots)");
            Duration stuck = optional("BATCH_STUCK_THRESHOLD")
                    .map(v -> (Duration) parse("BATCH_STUCK_THRESHOLD", v))
                    .orElseGet(() -> Duration.ofMinutes(integer("BATCH_STUCK_THRESHOLD_MINUTES")));
            boolean stuckReadiness = bool("BATCH_HEALTH_AFFECTS_READINESS");
            int retention = integer("LOG_RETENTION_DAYS");
            int keepLast = integer("LOG_CLEANUP_KEEP_LAST");

            Optional<DatabaseUrl> database = optional("DATABASE_URL").map(v -> DatabaseUrl.parse("DATABASE_URL", v));
            String embeddedDir = required("EMBEDDED_DB_DIR");
            int embeddedPort = integer("EMBEDDED_DB_PORT");

            boolean plcNeeded = schedules.entrySet().stream().anyMatch(e -> e.getValue().enabled() && e.getKey().usesPlc());
            boolean odooNeeded = schedules.entrySet().stream().anyMatch(e -> e.getValue().enabled() && e.getKey().usesOdoo());
            Duration plcTimeout = Duration.ofMillis(Math.round(1000 * (Double) parse("PLC_TIMEOUT_SEC",
                    required("PLC_TIMEOUT_SEC"))));
            String plcUrl = plcUrl(plcTimeout, plcNeeded);
            Optional<OdooSettings> odoo = odooNeeded ? Optional.of(odoo()) : Optional.empty();
            OdooApi.of(required("ODOO_API")); // validated here, read by odooApi()
            parse("ODOO_UNMAPPED_COMPONENTS", required("ODOO_UNMAPPED_COMPONENTS")); // validated here, read by the stock routes
            OdooCallSettings odooCalls = odooCalls();
            OdooRetrySettings odooRetry = odooRetry();

            String httpHost = required("HTTP_HOST");
            int httpPort = integer("HTTP_PORT");
            String mgmtHost = required("MANAGEMENT_HOST");
            int mgmtPort = integer("MANAGEMENT_PORT");
            Optional<String> token = optional("ADMIN_TOKEN");
            if (token.isPresent() && token.get().length() < 12) {
                throw new InvalidSettingException("ADMIN_TOKEN", "(hidden, " + token.get().length() + " characters)",
                        "at least 12 characters, or unset to disable the control API");
            }
            String routesDir = required("ROUTES_DIR");
            boolean reload = bool("ROUTES_RELOAD_ENABLED");
            bool("CAMEL_CLI_ENABLED"); // validated here, read by camelCliEnabled()
            // Read first by StartupSettings (the demo decides some settings); validated here like every setting.
            List.of("BRIDGE_DEMO", "BRIDGE_DEMO_FAULTS", "BRIDGE_DEMO_KEEP_DATA").forEach(this::bool);
            parse("BRIDGE_DEMO_ODOO", required("BRIDGE_DEMO_ODOO"));
            return new BridgeSettings(master, schedules, startDelay, limit, stuck, stuckReadiness, retention, keepLast,
                    database, embeddedDir, embeddedPort, map, plcUrl, plcTimeout, odoo, odooCalls, odooRetry, httpHost,
                    httpPort, mgmtHost, mgmtPort, token,
                    routesDir, reload, Map.copyOf(resolved));
        }

        /** The memory map of PLC_MAP_FILE, or the legacy CJ2M feed-mill map shipped in the jar. */
        private MemoryMap memoryMap() {
            Optional<String> file = optional("PLC_MAP_FILE");
            try {
                return file.map(f -> MemoryMap.load(Path.of(f))).orElseGet(MemoryMap::loadDefault);
            } catch (MemoryMapException | UncheckedIOException e) {
                throw new InvalidSettingException("PLC_MAP_FILE", file.orElse(null),
                        "a readable, valid memory map: " + e.getMessage());
            }
        }

        private TaskSchedule schedule(Task task, boolean flag, boolean enabled) {
            Optional<String> duration = optional(task.intervalKey());
            if (duration.isPresent()) {
                return new TaskSchedule(flag, enabled, (Duration) parse(task.intervalKey(), duration.get()),
                        task.intervalKey());
            }
            int minutes = integer(task.minutesKey());
            return new TaskSchedule(flag, enabled, Duration.ofMinutes(minutes), task.minutesKey());
        }

        private String plcUrl(Duration timeout, boolean needed) {
            Optional<String> explicit = optional("PLC_URL");
            if (explicit.isPresent()) {
                String url = explicit.get();
                if (!url.matches("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?://.+")) {
                    throw new InvalidSettingException("PLC_URL", url,
                            "a PLC4X connection string such as modbus-tcp://192.168.1.2:502 or fins:udp://192.168.1.2:9600");
                }
                if (!PLC_PROTOCOL_CODES.contains(protocolCode(url))) {
                    throw new InvalidSettingException("PLC_URL", url, "a protocol the memory map has addresses for: "
                            + String.join(" or ", PLC_PROTOCOL_CODES) + ", e.g. modbus-tcp://192.168.1.2:502");
                }
                PlcUrlCheck.check(url);
                return url;
            }
            String protocol = required("PLC_PROTOCOL").toLowerCase(Locale.ROOT);
            String ip = required("PLC_IP");
            int port = integer("PLC_PORT");
            int clientNode = integer("CLIENT_NODE");
            int plcNode = integer("PLC_NODE");
            if (needed && ip.isBlank()) {
                throw new InvalidSettingException("PLC_IP", ip, "the PLC's address (or set PLC_URL)");
            }
            return switch (protocol) {
                case "udp", "tcp" -> "fins:" + protocol + "://" + ip + ":" + port + "?client-node=" + clientNode
                        + "&plc-node=" + plcNode + "&request-timeout=" + timeout.toMillis();
                case "modbus" -> "modbus-tcp://" + ip + ":" + port + "?request-timeout=" + timeout.toMillis();
                default -> throw new InvalidSettingException("PLC_PROTOCOL", protocol,
                        "udp or tcp (Omron FINS), or modbus (Modbus TCP); or set PLC_URL");
            };
        }

        private OdooSettings odoo() {
            String url = optional("ODOO_URL").or(() -> optional("ODOO_BASE_URL")).orElseThrow(() ->
                    new InvalidSettingException("ODOO_URL", null, "Odoo's base URL, e.g. http://odoo.plant.local:8069 "
                            + "(required because a task that talks to Odoo is enabled)"));
            try {
                URI uri = new URI(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                        || uri.getPort() > 65535) {
                    throw new URISyntaxException(url, "not http(s)");
                }
            } catch (URISyntaxException e) {
                throw new InvalidSettingException("ODOO_URL", url, "an http:// or https:// URL with a port 1..65535 if"
                        + " any, e.g. http://odoo:8069");
            }
            String why = " (required because a task that talks to Odoo is enabled)";
            String db = optional("ODOO_DB").orElseThrow(() -> new InvalidSettingException("ODOO_DB", null, "the Odoo database name" + why));
            String user = optional("ODOO_USERNAME").orElseThrow(() -> new InvalidSettingException("ODOO_USERNAME", null, "the Odoo login" + why));
            String password = optional("ODOO_PASSWORD").orElseThrow(() -> new InvalidSettingException("ODOO_PASSWORD", null, "the Odoo password" + why));
            return new OdooSettings(url.replaceAll("/+$", ""), db, user, password);
        }

        private OdooCallSettings odooCalls() {
            Duration connect = duration("ODOO_CONNECT_TIMEOUT");
            Duration timeout = duration("ODOO_TIMEOUT");
            int retries = integer("ODOO_HTTP_RETRIES");
            Duration retryDelay = duration("ODOO_HTTP_RETRY_DELAY");
            int failures = integer("ODOO_CIRCUIT_FAILURES");
            Duration cooldown = duration("ODOO_CIRCUIT_COOLDOWN");
            long maxAnswer = (Long) parse("ODOO_MAX_ANSWER_SIZE", required("ODOO_MAX_ANSWER_SIZE"));
            return new OdooCallSettings(connect, timeout, retries, retryDelay, failures, cooldown, maxAnswer);
        }

        private OdooRetrySettings odooRetry() {
            Duration backoff = duration("ODOO_RETRY_BACKOFF");
            Duration max = duration("ODOO_RETRY_BACKOFF_MAX");
            if (max.compareTo(backoff) < 0) {
                throw new InvalidSettingException("ODOO_RETRY_BACKOFF_MAX", source.get("ODOO_RETRY_BACKOFF_MAX")
                        .orElse(null), "a duration at least ODOO_RETRY_BACKOFF (" + Values.format(backoff) + ")");
            }
            int attempts = integer("ODOO_MAX_ATTEMPTS");
            boolean markDone = bool("ODOO_MARK_DONE");
            return new OdooRetrySettings(backoff, max, attempts, markDone);
        }

        private Duration duration(String key) {
            return (Duration) parse(key, required(key));
        }

        private boolean bool(String key) {
            return (Boolean) parse(key, required(key));
        }

        private int integer(String key) {
            return (Integer) parse(key, required(key));
        }

        private int integer(String key, int min, int max, String allowed) {
            return Values.parseInt(key, required(key), min, max, allowed);
        }

        /** {@code value} read by the type {@link SettingsSchema} declares for {@code key}. */
        private static Object parse(String key, String value) {
            return SettingsSchema.named(key).orElseThrow(() -> new IllegalStateException(key + " is not declared"))
                    .type().parser().parse(key, value);
        }

        private String required(String key) {
            return optional(key).orElseThrow(() -> new InvalidSettingException(key, null, "a value is required"));
        }

        private Optional<String> optional(String key) {
            Optional<String> v = source.get(key);
            v.ifPresent(value -> resolved.put(key, value));
            return v;
        }
    }

    /**
     * The values routes use that are derived from settings rather than set as they are: the camel-plc4x endpoint,
     * the PLC timeout in milliseconds, the validated Odoo base URL and the Odoo call settings in the units Camel takes.
     */
    public Map<String, String> routeProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("PLC_ENDPOINT", plcEndpoint());
        out.put("PLC_TIMEOUT_MILLIS", Long.toString(plcTimeout.toMillis()));
        out.putAll(odooProperties(odoo, odooCalls));
        // As validated, and as the demo may have chosen it: the routes exclude pattern reads it when it is resolved late.
        out.put("ODOO_API", odooApi().name().toLowerCase(Locale.ROOT));
        return out;
    }

    /** ODOO_API: which Odoo adapter's route file is loaded. */
    public OdooApi odooApi() {
        return OdooApi.of(resolved.get("ODOO_API"));
    }

    /** What the Odoo route files read: the validated base URL and the call settings in the units Camel takes. */
    public static Map<String, String> odooProperties(Optional<OdooSettings> odoo, OdooCallSettings calls) {
        Map<String, String> out = new LinkedHashMap<>();
        odoo.ifPresent(o -> out.put("ODOO_URL", o.url()));
        out.put("ODOO_CONNECT_TIMEOUT_MILLIS", Long.toString(calls.connectTimeout().toMillis()));
        out.put("ODOO_TIMEOUT_MILLIS", Long.toString(calls.timeout().toMillis()));
        out.put("ODOO_HTTP_RETRIES", Integer.toString(calls.httpRetries()));
        out.put("ODOO_HTTP_RETRY_DELAY_MILLIS", Long.toString(calls.httpRetryDelay().toMillis()));
        return out;
    }

    /** CAMEL_CLI_ENABLED: whether the Camel CLI may see and control the bridge. */
    public boolean camelCliEnabled() {
        return Values.parseBoolean("CAMEL_CLI_ENABLED", resolved.get("CAMEL_CLI_ENABLED"));
    }

    /** The PLC4X protocol code of {@link #plcUrl()}: {@code modbus-tcp}, {@code fins}. */
    public String plcProtocolCode() {
        return protocolCode(plcUrl);
    }

    /**
     * The camel-plc4x endpoint for {@link #plcUrl()}, always with a query so routes append {@code &tags=...}.
     * camel-plc4x hands its whole endpoint URI, Camel options included, to PLC4X as the connection string; PLC4X
     * ignores the options it does not know, and Camel passes the driver's own options (request-timeout) through.
     * autoReconnect: without it camel-plc4x stops the endpoint for good after the first lost connection.
     */
    public String plcEndpoint() {
        StringBuilder uri = new StringBuilder("plc4x:").append(plcUrl).append(plcUrl.contains("?") ? '&' : '?')
                .append("autoReconnect=true");
        if (!plcUrl.contains("request-timeout=")) {
            uri.append("&request-timeout=").append(plcTimeout.toMillis());
        }
        return uri.toString();
    }

    private static String protocolCode(String url) {
        return url.substring(0, url.indexOf(':'));
    }
}
