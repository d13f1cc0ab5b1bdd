package io.odooplc.bridge.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the PLC simulator from the command line, e.g. for the demo:
 * {@code --host 127.0.0.1 --port 5020 --batch-seconds 5 [--tick-millis 50] [--seed 20260304] [--fins-port 9600]}.
 * Prints the addresses it listens on and runs until the process is stopped. {@code --fins-port} also serves FINS
 * over UDP and TCP on that port (0 = free ports), as the benchmarks' plant does.
 */
public final class PlcSimulatorMain {

    static final String USAGE = "usage: PlcSimulatorMain [--host 127.0.0.1] [--port 5020 (0 = free port)]"
            + " [--batch-seconds 5] [--tick-millis 50] [--seed 20260304] [--fins-port P (0 = free ports)]";

    /** {@link Options#finsPort} when FINS is not asked for. */
    static final int NO_FINS = -1;

    /** What the command line asked for. */
    record Options(String host, int port, Duration batchDuration, Duration tick, long seed, int finsPort) {

        PlcSimulator simulator() {
            PlantSettings defaults = PlantSettings.forBatchDuration(batchDuration);
            PlantSettings plant = new PlantSettings(batchDuration, defaults.settleTime(), defaults.noiseKg(), seed);
            PlcSimulator simulator = new PlcSimulator(host, port, plant, tick);
            return finsPort == NO_FINS ? simulator : simulator.enableFins(finsPort, finsPort);
        }
    }

    private PlcSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        PlcSimulator simulator = options.simulator();
        try {
            simulator.start();
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "plc-sim-shutdown"));
        System.out.println("PLC simulator listening on " + simulator.host() + ":" + simulator.port());
        if (options.finsPort() != NO_FINS) {
            System.out.println("FINS on udp " + simulator.host() + ":" + simulator.fins().udpPort() + ", tcp "
                    + simulator.host() + ":" + simulator.fins().tcpPort());
        }
        new CountDownLatch(1).await();
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 5020;
        Duration batchDuration = Duration.ofSeconds(5);
        Duration tick = PlcSimulator.DEFAULT_TICK;
        long seed = PlantSettings.forBatchDuration(batchDuration).seed();
        int finsPort = NO_FINS;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = number(name, value, 0, 65535);
                case "--batch-seconds" -> batchDuration = Duration.ofMillis(Math.round(1000 * decimal(name, value)));
                case "--tick-millis" -> tick = Duration.ofMillis(number(name, value, 1, 60_000));
                case "--seed" -> seed = seed(value);
                case "--fins-port" -> finsPort = number(name, value, 0, 65535);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (batchDuration.isZero() || batchDuration.isNegative()) {
            throw new IllegalArgumentException("--batch-seconds must be positive");
        }
        return new Options(host, port, batchDuration, tick, seed, finsPort);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + " " + value + " is not " + min + ".." + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + value + " is not a whole number", e);
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed " + value + " is not a whole number", e);
        }
    }

    private static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + value + " is not a number", e);
        }
    }
}
