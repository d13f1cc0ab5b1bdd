package io.odooplc.bridge.sim;

import java.io.IOException;
import java.time.Duration;

/**
 * The whole simulated PLC, as the demo and the bridge's end-to-end tests start it: one {@link WordImage} served by a
 * {@link ModbusTcpServer} (and, when {@link #enableFins enabled}, a {@link FinsServer}) and driven by a ticking
 * {@link PlantModel}. Faults are switched on {@link #server()}, {@link #fins()} and {@link #plant()}.
 */
public final class PlcSimulator implements AutoCloseable {

    /** Often enough that the bridge sees actuals grow, rarely enough to stay cheap on a 2-core machine. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(50);

    private final WordImage image = new WordImage();
    private final ModbusTcpServer server;
    private final PlantModel plant;
    private final Duration tick;
    private FinsServer fins;

    /**
     * @param port 0 picks a free port, see {@link #port()} after {@link #start()}
     */
    public PlcSimulator(String host, int port, PlantSettings plantSettings, Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        this.server = new ModbusTcpServer(image, host, port);
        this.plant = new PlantModel(image, plantSettings);
        this.tick = tick;
    }

    /** A simulator on 127.0.0.1 at a free port, with demo plant settings and the given batch duration. */
    public static PlcSimulator onFreeLoopbackPort(Duration batchDuration) {
        return new PlcSimulator("127.0.0.1", 0, PlantSettings.forBatchDuration(batchDuration), DEFAULT_TICK);
    }

    /**
     * Also serves FINS/UDP and FINS/TCP over the same words, from {@link #start()} on.
     *
     * @param udpPort 0 picks a free port, see {@link FinsServer#udpPort()}
     * @param tcpPort 0 picks a free port, see {@link FinsServer#tcpPort()}
     */
    public PlcSimulator enableFins(int udpPort, int tcpPort) {
        fins = new FinsServer(image, server.host(), udpPort, tcpPort);
        return this;
    }

    public void start() throws IOException {
        server.start();
        if (fins != null) {
            fins.start();
        }
        plant.start(tick);
    }

    public void stop() {
        plant.stop();
        if (fins != null) {
            fins.stop();
        }
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    public WordImage image() {
        return image;
    }

    public ModbusTcpServer server() {
        return server;
    }

    /** The FINS server; only after {@link #enableFins}. */
    public FinsServer fins() {
        if (fins == null) {
            throw new IllegalStateException("FINS is not enabled on this simulator; call enableFins first");
        }
        return fins;
    }

    public PlantModel plant() {
        return plant;
    }
}
