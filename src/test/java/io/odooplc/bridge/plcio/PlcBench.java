package io.odooplc.bridge.plcio;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.plc.Recipe;
import io.odooplc.bridge.sim.PlcSimulator;
import io.odooplc.bridge.support.RunningBridge;
import io.odooplc.bridge.support.TestDatabase;

/** The bridge and a simulated PLC over Modbus TCP on loopback, with the test helpers the PLC tests share. */
final class PlcBench implements AutoCloseable {

    static final String TOKEN = "plc-test-token-1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    final PlcSimulator sim;
    final RunningBridge bridge;
    final String db;

    private PlcBench(PlcSimulator sim, RunningBridge bridge, String db) {
        this.sim = sim;
        this.bridge = bridge;
        this.db = db;
    }

    static PlcBench start(java.time.Duration batchDuration) throws Exception {
        PlcSimulator sim = PlcSimulator.onFreeLoopbackPort(batchDuration);
        sim.start();
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.put("PLC_URL", "modbus-tcp://127.0.0.1:" + sim.port());
        // Generous for a loaded machine: only Task2PlcFaultsTest makes the PLC slower than this, on purpose.
        s.put("PLC_TIMEOUT_SEC", "5");
        return new PlcBench(sim, RunningBridge.start(s), s.get("DATABASE_URL"));
    }

    /** Runs task 2 now through the task API; returns the run's outcome, counts and error. */
    JsonNode runTask2() throws Exception {
        return JSON.readTree(bridge.post("/api/tasks/task2-plc-read/run", TOKEN).body());
    }

    int writeRecipes(List<Recipe> recipes) {
        return bridge.context().createProducerTemplate().requestBody("direct:plc-write-recipes", recipes,
                Integer.class);
    }

    /** A batch as task 1 leaves it, with its planned kg per equipment id. */
    long insertBatch(int slot, String mo, String state, Map<Integer, Integer> plannedKg) throws Exception {
        try (Connection c = TestDatabase.connect(db); PreparedStatement ps = c.prepareStatement(
                "insert into batch (mo_name, slot, state, product_name, target_qty_kg) values (?, ?, ?, ?, 1000) "
                        + "returning id")) {
            ps.setString(1, mo);
            ps.setInt(2, slot);
            ps.setString(3, state);
            ps.setString(4, "[10092] JF SAPOT 1B");
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            for (Map.Entry<Integer, Integer> e : plannedKg.entrySet()) {
                try (Statement st = c.createStatement()) {
                    st.execute("insert into batch_component (batch_id, equipment_id, equipment_code, planned_kg) values ("
                            + id + ", " + e.getKey() + ", 'eq" + e.getKey() + "', " + e.getValue() + ")");
                }
            }
            return id;
        }
    }

    static Recipe recipe(int slot, String mo, Map<Integer, Integer> plannedKg) {
        Map<Integer, BigDecimal> planned = new HashMap<>();
        plannedKg.forEach((id, kg) -> planned.put(id, BigDecimal.valueOf(kg)));
        return new Recipe(slot, mo, "[10092] JF SAPOT 1B", BigDecimal.valueOf(1000), planned);
    }

    /** One row of a query as text, columns joined by '|'. */
    String row(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return out.toString();
        }
    }

    /** The simulator's READ slot consumption of one equipment in kg, decoded here independently of the codec. */
    BigDecimal simActualKg(int slot, int equipment) {
        int at = 6000 + 100 * (slot - 1) + 28 + 3 * (equipment - 101);
        long raw = ((long) sim.image().get(at) << 16) | sim.image().get(at + 1);
        return BigDecimal.valueOf(raw, 2);
    }

    String health() throws Exception {
        return bridge.management("/observe/health").body();
    }

    @Override
    public void close() throws Exception {
        bridge.close();
        sim.stop();
    }
}
