package io.odooplc.bridge.support;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.sim.PlcSimulator;

/**
 * What {@link Plant} and {@link StockPlant} share: a started PLC simulator and Odoo double ({@code O}), the bridge
 * started with the given settings and a real PostgreSQL, and the task API to run tasks as an operator can.
 */
public abstract class LoopbackPlant<O extends AutoCloseable> implements AutoCloseable {

    public static final String TOKEN = "plant-test-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final PlcSimulator plc;
    public final O odoo;
    public final RunningBridge bridge;
    public final Sql sql;

    /** {@code settings} carries {@link #TOKEN} as ADMIN_TOKEN. */
    LoopbackPlant(PlcSimulator plc, O odoo, Map<String, String> settings) throws Exception {
        this.plc = plc;
        this.odoo = odoo;
        this.bridge = RunningBridge.start(settings);
        this.sql = new Sql(settings.get("DATABASE_URL"));
    }

    /** Runs one task now and returns the task API's answer (run outcome, last run with counts and error). */
    public JsonNode run(String routeId) throws Exception {
        return JSON.readTree(bridge.post("/api/tasks/" + routeId + "/run", TOKEN).body());
    }

    public long count(String where) throws Exception {
        return sql.longValue("select count(*) from batch where " + where);
    }

    @Override
    public void close() throws Exception {
        bridge.close();
        odoo.close();
        plc.close();
    }
}
