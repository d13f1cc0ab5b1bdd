package io.odooplc.bridge.support;

import java.time.Duration;
import java.util.Map;

import io.odooplc.bridge.sim.PlcSimulator;
import io.odooplc.bridge.sim.stock.StockOdoo;

/**
 * {@link Plant} with stock Odoo: the simulated PLC over Modbus TCP, a {@link StockOdoo} over HTTP and the bridge
 * with {@code ODOO_API=stock} and a real PostgreSQL. Tests run the tasks through the task API.
 */
public final class StockPlant extends LoopbackPlant<StockOdoo> {

    private StockPlant(PlcSimulator plc, StockOdoo odoo, Map<String, String> settings) throws Exception {
        super(plc, odoo, settings);
    }

    public static StockPlant start(StockOdoo odoo, Duration batchDuration, Map<String, String> extra) throws Exception {
        PlcSimulator plc = PlcSimulator.onFreeLoopbackPort(batchDuration);
        plc.start();
        odoo.start();
        Map<String, String> s = settings(odoo);
        s.put("PLC_URL", "modbus-tcp://127.0.0.1:" + plc.port());
        s.putAll(extra);
        return new StockPlant(plc, odoo, s);
    }

    /** Test settings pointing the bridge at this stock Odoo, with short backoffs and retry delays. */
    public static Map<String, String> settings(StockOdoo odoo) {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        // Generous: the first PLC request of a fresh bridge is slow on a loaded machine.
        s.put("PLC_TIMEOUT_SEC", "3");
        s.put("ODOO_API", "stock");
        s.put("ODOO_URL", odoo.url());
        s.put("ODOO_DB", StockOdoo.DB);
        s.put("ODOO_USERNAME", StockOdoo.LOGIN);
        s.put("ODOO_PASSWORD", StockOdoo.SECRET);
        s.put("ODOO_RETRY_BACKOFF", "200ms");
        s.put("ODOO_RETRY_BACKOFF_MAX", "1s");
        s.put("ODOO_HTTP_RETRY_DELAY", "50ms");
        return s;
    }
}
