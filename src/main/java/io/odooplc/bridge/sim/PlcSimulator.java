package io.odooplc.bridge.sim;

import java.io.IOException;
import java.time.Duration;

/**
 * The whole simulated PLC, as the demo and the bridge's end-to-end tests start it: one {@link WordImage} served by a
 * {@link ModbusTcpServer} and driven by a ticking {@link PlantModel}. Faults are switched on {@link #server()} and
 * {@link #plant()}.
 */
public final class PlcSimulator implements AutoCloseable {

    /** Often enough that the bridge sees actuals grow, rarely enough to stay cheap on a 2-core machine. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(50);

    private final WordImage image = new WordImage();
    private final ModbusTcpServer server;
    private final PlantModel plant;
    private final Duration tick;

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

    public void start() throws IOException {
        server.start();
        plant.start(tick);
    }

    public void stop() {
        plant.stop();
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

    public PlantModel plant() {
        return plant;
    }
}
