package io.odooplc.bridge.support;

import java.time.Duration;
import java.util.Map;

import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.PlcSimulator;

/**
 * The whole job on loopback: a simulated PLC over Modbus TCP, the fake Odoo over HTTP, and the bridge with a real
 * PostgreSQL. Timers wait an hour; tests run the tasks through the task API, as an operator can.
 */
public final class Plant extends LoopbackPlant<FakeOdoo> {

    private Plant(PlcSimulator plc, FakeOdoo odoo, Map<String, String> settings) throws Exception {
        super(plc, odoo, settings);
    }

    /** The bridge talks Modbus TCP to the simulator. */
    public static Plant start(FakeOdoo odoo, Duration batchDuration, Map<String, String> extra) throws Exception {
        PlcSimulator plc = PlcSimulator.onFreeLoopbackPort(batchDuration);
        plc.start();
        return start(plc, odoo, Map.of("PLC_URL", "modbus-tcp://127.0.0.1:" + plc.port()), extra);
    }

    /**
     * The bridge talks Omron FINS ({@code udp} or {@code tcp}) to the simulator, configured only by the legacy
     * settings (PLC_PROTOCOL, PLC_IP, PLC_PORT, CLIENT_NODE, PLC_NODE), as a plant's old .env has them.
     */
    public static Plant startFins(String transport, FakeOdoo odoo, Duration batchDuration, Map<String, String> extra)
            throws Exception {
        PlcSimulator plc = PlcSimulator.onFreeLoopbackPort(batchDuration).enableFins(0, 0);
        plc.start();
        int port = "udp".equals(transport) ? plc.fins().udpPort() : plc.fins().tcpPort();
        return start(plc, odoo, Map.of("PLC_URL", "", "PLC_PROTOCOL", transport, "PLC_IP", "127.0.0.1",
                "PLC_PORT", Integer.toString(port), "CLIENT_NODE", "1", "PLC_NODE", "2"), extra);
    }

    private static Plant start(PlcSimulator plc, FakeOdoo odoo, Map<String, String> plcSettings,
            Map<String, String> extra) throws Exception {
        odoo.start();
        Map<String, String> s = RunningBridge.testSettings();
        s.put("ADMIN_TOKEN", TOKEN);
        s.putAll(plcSettings);
        // Every PLC request here must answer: generous for a loaded machine (a stopped PLC is refused at once).
        s.put("PLC_TIMEOUT_SEC", "5");
        RunningBridge.useOdoo(s, odoo);
        s.put("ODOO_RETRY_BACKOFF", "200ms");
        s.put("ODOO_RETRY_BACKOFF_MAX", "1s");
        s.putAll(extra);
        return new Plant(plc, odoo, s);
    }
}
