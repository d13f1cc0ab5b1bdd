package io.odooplc.bridge;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;

import io.odooplc.bridge.batch.HealthMonitor;
import io.odooplc.bridge.batch.BatchStaging;
import io.odooplc.bridge.batch.MoSync;
import io.odooplc.bridge.batch.PlcRead;
import io.odooplc.bridge.batch.RetryBackoff;
import io.odooplc.bridge.config.BridgeSettings;
import io.odooplc.bridge.config.OdooApi;
import io.odooplc.bridge.config.StartupSummary;
import io.odooplc.bridge.console.ConsolePages;
import io.odooplc.bridge.console.HealthSummary;
import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.db.EmbeddedDatabase;
import io.odooplc.bridge.failure.EquipmentFailure;
import io.odooplc.bridge.ops.ApiAccess;
import io.odooplc.bridge.odoo.MoFetcher;
import io.odooplc.bridge.odoo.MoReader;
import io.odooplc.bridge.odoo.OdooBeans;
import io.odooplc.bridge.odoo.OdooClient;
import io.odooplc.bridge.odoo.ProcessCompleted;
import io.odooplc.bridge.odoo.stock.StockBeans;
import io.odooplc.bridge.ops.ApiErrors;
import io.odooplc.bridge.ops.ApiHttpEngine;
import io.odooplc.bridge.ops.ApiResponseHeaders;
import io.odooplc.bridge.ops.BatchApi;
import io.odooplc.bridge.ops.BatchesHealthCheck;
import io.odooplc.bridge.ops.BridgeMetrics;
import io.odooplc.bridge.ops.DatabaseHealthCheck;
import io.odooplc.bridge.ops.FailureApi;
import io.odooplc.bridge.ops.NoEndpointMBeans;
import io.odooplc.bridge.ops.OdooHealthCheck;
import io.odooplc.bridge.ops.PlcHealthCheck;
import io.odooplc.bridge.ops.QuietCliConnectorFactory;
import io.odooplc.bridge.ops.SharedVertx;
import io.odooplc.bridge.ops.TaskApi;
import io.odooplc.bridge.ops.TaskRunPolicy;
import io.odooplc.bridge.ops.TaskRunStore;
import io.odooplc.bridge.ops.TaskRunTracker;
import io.odooplc.bridge.plc.EquipmentMatcher;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.Protocol;
import io.odooplc.bridge.plc.TagAddressing;
import io.odooplc.bridge.plcio.PlcHealth;
import io.odooplc.bridge.plcio.PlcLink;
import io.odooplc.bridge.plcio.PlcWrites;
import io.odooplc.bridge.plcio.PrintedStackTraces;
import io.odooplc.bridge.plcio.RecipeWriter;
import io.odooplc.bridge.plcio.TagRead;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CliConnectorFactory;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All the wiring in one place: the beans the routes call, by the names the YAML uses. camel-main creates it from
 * {@code camel.main.configuration-classes} in application.properties, for {@code java -jar} and {@code camel run}
 * alike, and calls it before the routes are loaded.
 */
public class BridgeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConfiguration.class);

    private BridgeSettings settings;

    @Override
    public void configure(CamelContext context) throws Exception {
        if (exportDryRun(context)) {
            return;
        }
        settings = StartupSettings.load(context);
        // Camel creates its CLI connector from this plugin when the context starts, after this method (camel run too).
        context.getCamelContextExtension().addContextPlugin(CliConnectorFactory.class,
                new QuietCliConnectorFactory(settings.camelCliEnabled()));
        context.getManagementStrategy().setManagementObjectStrategy(new NoEndpointMBeans());
        Database database = openDatabase(context);
        context.addStartupListener(database.migrateBeforeRoutesStart());
        var registry = context.getRegistry();
        BridgeMetrics metrics = BridgeMetrics.in(registry);
        TaskRunTracker tracker = new TaskRunTracker();
        TaskRunStore runs = new TaskRunStore(database.dataSource(), instanceName());
        registry.bind("settings", settings);
        registry.bind("database", database);
        registry.bind("dataSource", database.dataSource());
        registry.bind("bridgeMetrics", metrics);
        registry.bind("taskRunTracker", tracker);
        registry.bind("taskRunPolicy", new TaskRunPolicy(database, runs, tracker, metrics));
        HealthMonitor healthMonitor = new HealthMonitor(settings.batchStuckThreshold(), metrics);
        registry.bind("healthMonitor", healthMonitor);
        SharedVertx.bind(context);
        registry.bind("platform-http-engine", new ApiHttpEngine(settings.httpPort()));
        context.getComponent("platform-http", PlatformHttpComponent.class).setHeaderFilterStrategy(
                new ApiResponseHeaders());
        registry.bind("apiErrors", new ApiErrors());
        ApiAccess access = new ApiAccess(settings.adminToken());
        registry.bind("taskApi", new TaskApi(context, settings, tracker, access));
        registry.bind("batchApi", new BatchApi(access));
        registry.bind("failureApi", new FailureApi());
        registry.bind("healthSummary", new HealthSummary(context));
        context.addStartupListener(new ConsolePages(settings.httpPort()));
        // Bound even without Odoo settings, so task 3's route starts; its run then fails with "Odoo is not configured".
        OdooClient odoo = OdooBeans.bind(registry, settings.odoo(), settings.odooCalls(), metrics, Clock.systemUTC());
        registry.bind("processCompleted", new ProcessCompleted(odoo, settings.odooRetry()));
        if (settings.odooApi() == OdooApi.STOCK) {
            StockBeans.bind(registry, settings.odoo(), settings.memoryMap().equipment(), settings.odooMoDomain());
        }

        PlcLink plc = bindPlc(registry, metrics);
        PrintedStackTraces.install(plc.health());
        MemoryMap map = registry.lookupByNameAndType("memoryMap", MemoryMap.class);
        BatchStaging staging = new BatchStaging(context);
        MoFetcher fetcher = new MoFetcher(OdooBeans.moList(context), staging, new MoReader(new EquipmentMatcher(map.equipment())));
        registry.bind("moSync", new MoSync(staging, fetcher,
                registry.lookupByNameAndType("recipeWriter", RecipeWriter.class), settings.syncBatchLimit()));
        registry.bind("equipmentFailure", new EquipmentFailure(map,
                registry.lookupByNameAndType("plcWrites", PlcWrites.class), odoo,
                new RetryBackoff(settings.odooRetry().backoff(), settings.odooRetry().backoffMax()),
                settings.odooFailureReports()));

        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(new DatabaseHealthCheck(database));
        health.register(new BatchesHealthCheck(healthMonitor, settings.batchHealthAffectsReadiness()));
        if (settings.odoo().isPresent()) {
            health.register(new OdooHealthCheck(odoo));
        }
        health.register(new PlcHealthCheck(plc.health(), plc.url()));

        context.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                // The summary belongs after the routes have started: see onCamelContextFullyStarted.
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) {
                StartupSummary.lines(settings).forEach(LOG::info);
                StartupSummary.servers(settings, ctx.getComponent("platform-http", PlatformHttpComponent.class)
                        .getHttpEndpoints().stream().map(e -> e.getVerbs() + " " + e.getUri()).toList())
                        .forEach(LOG::info);
            }
        });
    }

    /**
     * PLC access through camel-plc4x: the planned reads (their tag maps bound for {@code tags=#...}), the write
     * bodies and checks, task 2's sync, the recipe write and task 5's failure-area read. Addresses come from the memory map and the protocol of
     * PLC_URL.
     */
    private PlcLink bindPlc(Registry registry, BridgeMetrics metrics) {
        MemoryMap map = settings.memoryMap();
        Protocol protocol = Protocol.ofPlcUrl(settings.plcUrl());
        TagAddressing addressing = TagAddressing.of(protocol);
        int readLimit = map.frameLimit(protocol).read();
        PlcLink plc = new PlcLink(settings.plcUrl(), metrics, new PlcHealth());
        PlcWrites writes = new PlcWrites(addressing, plc);
        TagRead readCycle = TagRead.plan("READ cycle", map.readSlotRanges(), readLimit, addressing, plc);
        TagRead writeHandshake = TagRead.plan("WRITE handshake read", RecipeWriter.handshakeRanges(map), readLimit,
                addressing, plc);
        registry.bind("memoryMap", map);
        registry.bind("readCycle", readCycle);
        registry.bind("readCycleTags", readCycle.tags());
        TagRead failureRead = TagRead.plan("failure area read", EquipmentFailure.ranges(map), readLimit, addressing, plc);
        registry.bind("failureRead", failureRead);
        registry.bind("failureReadTags", failureRead.tags());
        registry.bind("writeHandshake", writeHandshake);
        registry.bind("writeHandshakeTags", writeHandshake.tags());
        registry.bind("plcWrites", writes);
        registry.bind("plcRead", new PlcRead(map, writes, metrics));
        registry.bind("recipeWriter", new RecipeWriter(map, writes));
        return plc;
    }

    private Database openDatabase(CamelContext context) throws Exception {
        Database database;
        if (settings.database().isPresent()) {
            var url = settings.database().get();
            database = new Database(url.jdbcUrl(), url.user(), url.password(), url.toString());
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(Path.of(settings.embeddedDbDir()), settings.embeddedDbPort());
            closeOnStop(context, embedded);
            database = new Database(embedded.jdbcUrl(), "postgres", "postgres",
                    "embedded PostgreSQL on port " + embedded.port() + " (" + embedded.dataDir() + ")");
        }
        // Added after the embedded server, so Camel stops the pool first and the server last.
        closeOnStop(context, database);
        return database;
    }

    /**
     * {@code camel export} boots the routes once, to see what they use, with stand-ins for unset properties
     * ({@code @@CamelMagicValue@@}) and for every bean, and sets {@code camel.jbang.export=true} for that run. Nothing
     * of the bridge starts then and no setting is validated: the exported project runs this class for real.
     */
    private static boolean exportDryRun(CamelContext context) {
        return context.getPropertiesComponent().resolveProperty("camel.jbang.export").filter("true"::equals)
                .isPresent();
    }

    static void closeOnStop(CamelContext context, AutoCloseable resource) throws Exception {
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                resource.close();
            }
        }, true, true);
    }

    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
