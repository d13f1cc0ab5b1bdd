package io.odooplc.bridge.config;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.MemoryMapException;

/**
 * Every setting of the bridge, read by its declaration in {@link SettingsSchema} (see {@link SettingValues}) and
 * validated before anything starts. A bad value raises {@link InvalidSettingException} naming the variable, the value
 * and what is allowed. A new setting is its declaration plus its use: {@code settings.values().flag("NAME")} or an
 * accessor here; start-up checks it by its declared type either way.
 */
public final class BridgeSettings {

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

    /** Settings a value of the other wins over: when that one is set, the hidden one is not read. */
    private static final Map<String, String> HIDDEN_BY = hiddenBy();

    private final SettingValues values;
    private final Map<Task, TaskSchedule> schedules = new EnumMap<>(Task.class);
    private final MemoryMap memoryMap;
    private final int syncBatchLimit;
    private final Duration batchStuckThreshold;
    private final Optional<DatabaseUrl> database;
    private final Duration plcTimeout;
    private final String plcUrl;
    private final Optional<OdooSettings> odoo;
    private final OdooCallSettings odooCalls;
    private final OdooRetrySettings odooRetry;
    private final Optional<String> adminToken;

    /** Reads the settings whose rule involves other settings, in this order, then every other declared one. */
    private BridgeSettings(SettingValues values) {
        this.values = values;
        boolean master = values.flag(Task.MASTER_SWITCH);
        for (Task task : Task.values()) {
            boolean flag = values.flag(task.flag());
            schedules.put(task, readSchedule(task, flag, master && flag));
        }
        memoryMap = readMemoryMap();
        // A fetch never asks for more MOs than the PLC has recipe slots (plant-contract #26): the bound is the
        // map's, not the declaration's (which states the default map's).
        int slots = memoryMap.writeArea().count();
        String limitAllowed = "a whole number from 1 to " + slots + " (the PLC has " + slots + " recipe slots)";
        syncBatchLimit = values.find("SYNC_BATCH_LIMIT", Integer.class,
                (name, v) -> Values.parseInt(name, v, 1, slots, limitAllowed)).orElseThrow(
                        () -> new InvalidSettingException("SYNC_BATCH_LIMIT", null, "a value is required"));
        batchStuckThreshold = values.find("BATCH_STUCK_THRESHOLD", Duration.class)
                .orElseGet(() -> Duration.ofMinutes(values.number("BATCH_STUCK_THRESHOLD_MINUTES")));
        database = values.raw("DATABASE_URL").map(v -> DatabaseUrl.parse("DATABASE_URL", v));

        boolean plcNeeded = schedules.entrySet().stream().anyMatch(e -> e.getValue().enabled() && e.getKey().usesPlc());
        // Task 5 without failure reports needs no Odoo.
        boolean failureReports = values.flag("ODOO_FAILURE_REPORTS");
        boolean odooNeeded = schedules.entrySet().stream().anyMatch(e -> e.getValue().enabled()
                && e.getKey().usesOdoo() && (failureReports || e.getKey() != Task.EQUIPMENT_FAILURE));
        plcTimeout = Duration.ofMillis(Math.round(1000 * values.get("PLC_TIMEOUT_SEC", Double.class)));
        plcUrl = readPlcUrl(plcNeeded);
        odoo = odooNeeded ? Optional.of(readOdoo()) : Optional.empty();
        odooCalls = new OdooCallSettings(values.duration("ODOO_CONNECT_TIMEOUT"), values.duration("ODOO_TIMEOUT"),
                values.number("ODOO_HTTP_RETRIES"), values.duration("ODOO_HTTP_RETRY_DELAY"),
                values.number("ODOO_CIRCUIT_FAILURES"), values.duration("ODOO_CIRCUIT_COOLDOWN"),
                values.get("ODOO_MAX_ANSWER_SIZE", Long.class));
        odooRetry = readOdooRetry();
        adminToken = values.raw("ADMIN_TOKEN");
        if (adminToken.isPresent() && adminToken.get().length() < 12) {
            throw new InvalidSettingException("ADMIN_TOKEN", "(hidden, " + adminToken.get().length() + " characters)",
                    "at least 12 characters, or unset to disable the control API");
        }
        values.checkEvery(HIDDEN_BY);
    }

    public static BridgeSettings load(SettingSource source) {
        return new BridgeSettings(new SettingValues(source));
    }

    /** Every setting by name, as its declaration reads it. */
    public SettingValues values() {
        return values;
    }

    /** ENABLE_AUTO_SYNC: the master switch of the task timers. */
    public boolean masterSwitch() {
        return values.flag(Task.MASTER_SWITCH);
    }

    public Map<Task, TaskSchedule> schedules() {
        return Collections.unmodifiableMap(schedules);
    }

    public TaskSchedule schedule(Task task) {
        return schedules.get(task);
    }

    public long enabledTaskCount() {
        return schedules.values().stream().filter(TaskSchedule::enabled).count();
    }

    public Duration taskStartDelay() {
        return values.duration("TASK_START_DELAY");
    }

    /** SYNC_BATCH_LIMIT, at most the memory map's recipe slots. */
    public int syncBatchLimit() {
        return syncBatchLimit;
    }

    /** BATCH_STUCK_THRESHOLD, or BATCH_STUCK_THRESHOLD_MINUTES when that is unset. */
    public Duration batchStuckThreshold() {
        return batchStuckThreshold;
    }

    public boolean batchHealthAffectsReadiness() {
        return values.flag("BATCH_HEALTH_AFFECTS_READINESS");
    }

    public int logRetentionDays() {
        return values.number("LOG_RETENTION_DAYS");
    }

    public int logCleanupKeepLast() {
        return values.number("LOG_CLEANUP_KEEP_LAST");
    }

    /** DATABASE_URL; empty: the embedded PostgreSQL. */
    public Optional<DatabaseUrl> database() {
        return database;
    }

    public String embeddedDbDir() {
        return values.text("EMBEDDED_DB_DIR");
    }

    public int embeddedDbPort() {
        return values.number("EMBEDDED_DB_PORT");
    }

    /** The memory map of PLC_MAP_FILE, or the legacy CJ2M feed-mill map shipped in the jar. */
    public MemoryMap memoryMap() {
        return memoryMap;
    }

    /** PLC_URL, or the connection string the legacy PLC settings make. */
    public String plcUrl() {
        return plcUrl;
    }

    /** PLC_TIMEOUT_SEC. */
    public Duration plcTimeout() {
        return plcTimeout;
    }

    public Optional<OdooSettings> odoo() {
        return odoo;
    }

    public OdooCallSettings odooCalls() {
        return odooCalls;
    }

    public OdooRetrySettings odooRetry() {
        return odooRetry;
    }

    public String httpHost() {
        return values.text("HTTP_HOST");
    }

    public int httpPort() {
        return values.number("HTTP_PORT");
    }

    public String managementHost() {
        return values.text("MANAGEMENT_HOST");
    }

    public int managementPort() {
        return values.number("MANAGEMENT_PORT");
    }

    /** ADMIN_TOKEN; empty: the control API answers 403. */
    public Optional<String> adminToken() {
        return adminToken;
    }

    public String routesDir() {
        return values.text("ROUTES_DIR");
    }

    public boolean routesReloadEnabled() {
        return values.flag("ROUTES_RELOAD_ENABLED");
    }

    private static Map<String, String> hiddenBy() {
        Map<String, String> hidden = new LinkedHashMap<>();
        for (Task task : Task.values()) {
            hidden.put(task.minutesKey(), task.intervalKey());
        }
        hidden.put("BATCH_STUCK_THRESHOLD_MINUTES", "BATCH_STUCK_THRESHOLD");
        List.of("PLC_PROTOCOL", "PLC_IP", "PLC_PORT", "CLIENT_NODE", "PLC_NODE").forEach(n -> hidden.put(n, "PLC_URL"));
        return Map.copyOf(hidden);
    }

    private MemoryMap readMemoryMap() {
        Optional<String> file = values.raw("PLC_MAP_FILE");
        try {
            return file.map(f -> MemoryMap.load(Path.of(f))).orElseGet(MemoryMap::loadDefault);
        } catch (MemoryMapException | UncheckedIOException e) {
            throw new InvalidSettingException("PLC_MAP_FILE", file.orElse(null),
                    "a readable, valid memory map: " + e.getMessage());
        }
    }

    private TaskSchedule readSchedule(Task task, boolean flag, boolean enabled) {
        Optional<Duration> interval = values.find(task.intervalKey(), Duration.class);
        if (interval.isPresent()) {
            return new TaskSchedule(flag, enabled, interval.get(), task.intervalKey());
        }
        return new TaskSchedule(flag, enabled, Duration.ofMinutes(values.number(task.minutesKey())), task.minutesKey());
    }

    private String readPlcUrl(boolean needed) {
        Optional<String> explicit = values.raw("PLC_URL");
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
        String protocol = values.text("PLC_PROTOCOL");
        String ip = values.text("PLC_IP");
        int port = values.number("PLC_PORT");
        int clientNode = values.number("CLIENT_NODE");
        int plcNode = values.number("PLC_NODE");
        if (needed && ip.isBlank()) {
            throw new InvalidSettingException("PLC_IP", ip, "the PLC's address (or set PLC_URL)");
        }
        long timeout = plcTimeout.toMillis();
        return switch (protocol) {
            case "udp", "tcp" -> "fins:" + protocol + "://" + ip + ":" + port + "?client-node=" + clientNode
                    + "&plc-node=" + plcNode + "&request-timeout=" + timeout;
            // modbus: its declaration allows nothing else
            default -> "modbus-tcp://" + ip + ":" + port + "?request-timeout=" + timeout;
        };
    }

    private OdooSettings readOdoo() {
        String url = values.raw("ODOO_URL").or(() -> values.raw("ODOO_BASE_URL")).orElseThrow(() ->
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
        String db = values.find("ODOO_DB", String.class)
                .orElseThrow(() -> new InvalidSettingException("ODOO_DB", null, "the Odoo database name" + why));
        String user = values.find("ODOO_USERNAME", String.class)
                .orElseThrow(() -> new InvalidSettingException("ODOO_USERNAME", null, "the Odoo login" + why));
        String password = values.raw("ODOO_PASSWORD")
                .orElseThrow(() -> new InvalidSettingException("ODOO_PASSWORD", null, "the Odoo password" + why));
        return new OdooSettings(url.replaceAll("/+$", ""), db, user, password);
    }

    private OdooRetrySettings readOdooRetry() {
        Duration backoff = values.duration("ODOO_RETRY_BACKOFF");
        Duration max = values.duration("ODOO_RETRY_BACKOFF_MAX");
        if (max.compareTo(backoff) < 0) {
            throw new InvalidSettingException("ODOO_RETRY_BACKOFF_MAX", values.raw("ODOO_RETRY_BACKOFF_MAX")
                    .orElse(null), "a duration at least ODOO_RETRY_BACKOFF (" + Values.format(backoff) + ")");
        }
        return new OdooRetrySettings(backoff, max, values.number("ODOO_MAX_ATTEMPTS"), values.flag("ODOO_MARK_DONE"));
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
        return OdooApi.of(values.text("ODOO_API"));
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

    /** ODOO_MO_DOMAIN: the extra terms of task 1's MO search on stock Odoo; empty for none. */
    public List<Object> odooMoDomain() {
        @SuppressWarnings("unchecked")
        List<Object> terms = values.find("ODOO_MO_DOMAIN", List.class).orElse(List.of());
        return terms;
    }

    /** ODOO_FAILURE_REPORTS: whether task 5 reports the failures it stores to Odoo. */
    public boolean odooFailureReports() {
        return values.flag("ODOO_FAILURE_REPORTS");
    }

    /** CAMEL_CLI_ENABLED: whether the Camel CLI may see and control the bridge. */
    public boolean camelCliEnabled() {
        return values.flag("CAMEL_CLI_ENABLED");
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
