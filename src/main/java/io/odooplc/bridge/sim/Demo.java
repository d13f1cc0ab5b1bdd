package io.odooplc.bridge.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.odooplc.bridge.DemoPlant;
import io.odooplc.bridge.sim.stock.StockOdoo;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code BRIDGE_DEMO=true} ({@code java -jar odoo-plc-bridge.jar --demo}, {@code camel run ... --prop BRIDGE_DEMO=true}):
 * the whole job on one machine with no set-up. A simulated PLC (Modbus TCP) and a fake Odoo with a stock of MOs start
 * on free local ports, and the bridge runs all six tasks against them on short intervals, with a fresh embedded
 * PostgreSQL (unless {@code BRIDGE_DEMO_KEEP_DATA}). {@code BRIDGE_DEMO_FAULTS} switches on a mix of the simulators'
 * fault modes, so retries and recovery can be watched. {@code BRIDGE_DEMO_ODOO=stock} (or {@code stock-14},
 * {@code stock-16}, {@code stock-19}; {@code --odoo stock}) puts a stock Odoo without the addon in place of the fake
 * addon Odoo, and the bridge runs with ODOO_API=stock.
 */
public final class Demo implements DemoPlant {

    /** Settings the demo owns: it never talks to a real PLC, Odoo or database, whatever .env says. */
    private static final Set<String> OWNED = Set.of("PLC_URL", "PLC_PROTOCOL", "PLC_IP", "PLC_PORT", "DATABASE_URL",
            "EMBEDDED_DB_DIR", "EMBEDDED_DB_PORT", "ODOO_URL", "ODOO_BASE_URL", "ODOO_DB", "ODOO_USERNAME",
            "ODOO_PASSWORD", "ODOO_API");

    static final Path DATA_DIR = Path.of("data", "demo");
    static final Duration BATCH_DURATION = Duration.ofSeconds(2);
    static final int STOCK = 40;

    private final PlcSimulator plc;
    /** The SCADA addon's fake Odoo, or null with a stock Odoo. */
    private final FakeOdoo odoo;
    /** With {@code BRIDGE_DEMO_ODOO=stock[-NN]}: a stock Odoo (17 unless NN says 14, 16 or 19), else null. */
    private final StockOdoo stockOdoo;
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-events");
        t.setDaemon(true);
        return t;
    });

    private Demo(PlcSimulator plc, FakeOdoo odoo, StockOdoo stockOdoo) {
        this.plc = plc;
        this.odoo = odoo;
        this.stockOdoo = stockOdoo;
    }

    /** How the bridge starts the demo (listed in META-INF/services), so no production class names this package. */
    public static final class Start implements DemoPlant.Starter {
        @Override
        public DemoPlant start(boolean faults, boolean keepData, String odoo) throws IOException {
            return Demo.start(faults, keepData, odoo);
        }
    }

    /** Starts the simulators; a fresh data directory unless {@code keepData}; {@code odoo}: addon or stock[-NN]. */
    private static Demo start(boolean faults, boolean keepData, String odoo) throws IOException {
        quietRoutineLines();
        if (!keepData) {
            deleteRecursively(DATA_DIR);
        }
        PlcSimulator plc = PlcSimulator.onFreeLoopbackPort(BATCH_DURATION);
        plc.start();
        Demo demo = odoo.startsWith("stock")
                ? new Demo(plc, null, StockOdoo.feedMill(odoo.startsWith("stock-")
                        ? Integer.parseInt(odoo.substring("stock-".length())) : 17, STOCK).start())
                : new Demo(plc, FakeOdoo.withGeneratedStock(STOCK, 1).start(), null);
        demo.startFailures();
        if (faults) {
            demo.startFaults();
        }
        return demo;
    }

    /**
     * The settings the demo owns decide, whatever the environment, the command line or .env say: the simulators'
     * addresses and a database of its own. Every other setting comes from {@code others}.
     */
    @Override
    public Function<String, Optional<String>> over(Function<String, Optional<String>> others) {
        Map<String, String> owned = new HashMap<>();
        owned.put("PLC_URL", "modbus-tcp://127.0.0.1:" + plc.port());
        owned.put("EMBEDDED_DB_DIR", DATA_DIR.resolve("postgres").toString());
        owned.put("EMBEDDED_DB_PORT", "0");
        if (stockOdoo != null) {
            owned.put("ODOO_API", "stock");
            owned.put("ODOO_URL", stockOdoo.url());
            owned.put("ODOO_DB", StockOdoo.DB);
            owned.put("ODOO_USERNAME", StockOdoo.LOGIN);
            owned.put("ODOO_PASSWORD", StockOdoo.SECRET);
        } else {
            owned.put("ODOO_API", "addon");
            owned.put("ODOO_URL", odoo.url());
            owned.put("ODOO_DB", odoo.credentials().db());
            owned.put("ODOO_USERNAME", odoo.credentials().login());
            owned.put("ODOO_PASSWORD", odoo.credentials().password());
        }
        return key -> OWNED.contains(key) ? Optional.ofNullable(owned.get(key)) : others.apply(key);
    }

    /**
     * The demo's pace: every task every few seconds, retries after a second. It wins over application.properties,
     * while the operator's environment, command line and .env still win over it; the console's browser test uses it.
     */
    public static Map<String, String> shortIntervals() {
        return Map.of("TASK_START_DELAY", "1s", "SYNC_INTERVAL", "2s", "PLC_READ_INTERVAL", "1s",
                "PROCESS_COMPLETED_INTERVAL", "2s", "HEALTH_MONITOR_INTERVAL", "5s", "EQUIPMENT_FAILURE_INTERVAL", "3s",
                "LOG_CLEANUP_INTERVAL", "1m", "BATCH_STUCK_THRESHOLD", "30s", "ODOO_RETRY_BACKOFF", "1s",
                "ODOO_RETRY_BACKOFF_MAX", "10s");
    }

    /**
     * The demo's console shows events a person cares about (MO staged, recipes written, batch running, completed,
     * posted, failure reported); the routine line per task run and per simulated request stays out. Failed runs still
     * show: they are logged as errors.
     */
    private static void quietRoutineLines() {
        for (String logger : List.of("io.odooplc.bridge.ops.TaskRunPolicy", "io.odooplc.bridge.sim.FakeOdoo",
                "org.apache.camel.component.plc4x")) {
            Configurator.setLevel(logger, Level.WARN);
        }
    }

    @Override
    public Map<String, String> intervals() {
        return shortIntervals();
    }

    @Override
    public List<String> banner(int httpPort, int managementPort) {
        return List.of(
                "odoo-plc-bridge demo",
                "  operator console:            http://127.0.0.1:" + httpPort + "/",
                "  simulated PLC (Modbus TCP):  127.0.0.1:" + plc.port() + "  batches of " + BATCH_DURATION.toSeconds() + " s",
                stockOdoo != null
                        ? "  stock Odoo " + stockOdoo.major() + " (no addon):   " + stockOdoo.url() + "  with " + STOCK + " MOs"
                        : "  fake Odoo:                   " + odoo.url() + "  with " + odoo.stock().size() + " MOs",
                "  database:                    embedded PostgreSQL in " + DATA_DIR.resolve("postgres"),
                "  tasks API:                   http://127.0.0.1:" + httpPort + "/api/tasks",
                "  batches:                     http://127.0.0.1:" + httpPort + "/api/batches",
                "  health:                      http://127.0.0.1:" + managementPort + "/observe/health?data=true",
                "  metrics:                     http://127.0.0.1:" + managementPort + "/observe/metrics",
                "  stop with Ctrl+C");
    }

    /** Now and then an equipment failure on the PLC, as the field samples show them, for task 5 to report. */
    private void startFailures() {
        String[][] samples = {{"silo101", "START_FAILURE"}, {"lq114", "SENSOR_ERROR"}, {"silo105", "MOTOR_FAILURE"}};
        int[] next = {0};
        events.scheduleWithFixedDelay(() -> {
            String[] sample = samples[next[0]++ % samples.length];
            plc.plant().failures().raise(sample[0], sample[1], LocalDateTime.now().withNano(0));
        }, 8, 20, TimeUnit.SECONDS);
    }

    /** Every few seconds one fault from the simulators' switches, then back to normal. */
    private void startFaults() {
        Runnable[] mix = stockOdoo != null ? new Runnable[] {
            () -> stockOdoo.failNext("stock.move.write", 2, StockOdoo.Fault.SERIALIZATION),
            () -> plc.plant().garbleReadSlot(1 + (int) (System.nanoTime() % 10)),
            () -> plc.server().dropConnections(),
            () -> stockOdoo.failNext("mrp.production.search_read", 1, StockOdoo.Fault.HTTP_500),
            () -> plc.plant().failures().raiseWithInvalidTime("silo110", "SENSOR_ERROR"),
        } : new Runnable[] {
            () -> odoo.faults().failNext(OdooEndpoint.MO_UPDATE, 2),
            () -> odoo.expireSessions(),
            () -> plc.plant().garbleReadSlot(1 + (int) (System.nanoTime() % 10)),
            () -> plc.server().dropConnections(),
            () -> odoo.faults().delay(OdooEndpoint.MO_LIST, Duration.ofSeconds(3)),
            () -> plc.plant().failures().raiseWithInvalidTime("silo110", "SENSOR_ERROR"),
            () -> odoo.faults().clear(),
        };
        int[] next = {0};
        events.scheduleWithFixedDelay(() -> mix[next[0]++ % mix.length].run(), 5, 4, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        events.shutdownNow();
        if (odoo != null) {
            odoo.close();
        }
        if (stockOdoo != null) {
            stockOdoo.close();
        }
        plc.close();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the demo data in " + dir.toAbsolutePath(), e);
        }
    }
}
