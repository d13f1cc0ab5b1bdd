package io.odooplc.bridge.bench;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcWriteRequest;
import org.junit.jupiter.api.Test;

import io.odooplc.bridge.fins.FinsHeader;
import io.odooplc.bridge.fins.FinsNodes;
import io.odooplc.bridge.fins.MemoryArea;
import io.odooplc.bridge.fins.MemoryAreaRead;
import io.odooplc.bridge.sim.FinsServer;
import io.odooplc.bridge.sim.WordImage;

/**
 * Requests and latency of the bridge's PLC cycles over FINS/UDP on loopback, against the legacy way of reading one
 * field per datagram on a new socket. Prints figures; asserts nothing. Kept out of the default test run (surefire
 * excludes *Benchmark) and of the driver's own package so focused runs skip it; run it with
 * {@code mvn -B -q test -Dtest=FinsBenchmark} (figures in target/surefire-reports/*FinsBenchmark-output.txt).
 */
class FinsBenchmark {

    private static final int SLOTS = 10;
    private static final int SLOT_WORDS = 77;
    private static final int SLOT_STRIDE = 100;
    private static final int FIELDS_PER_SLOT = 39;
    private static final int WARMUP = 50;
    private static final int RUNS = 300;

    @Test
    void readAndWriteCycles() throws Exception {
        WordImage dm = new WordImage();
        FinsServer server = new FinsServer(dm, "127.0.0.1", 0, 0);
        server.start();
        try (PlcConnection connection = new DefaultPlcDriverManager().getConnection(
                "fins:udp://127.0.0.1:" + server.udpPort() + "?client-node=1&plc-node=2&request-timeout=1000")) {
            System.out.println("FINS/UDP on loopback, " + RUNS + " cycles after " + WARMUP + " warm-up cycles");
            System.out.println(String.format("%-44s %9s %9s %9s", "cycle", "frames", "p50 ms", "p99 ms"));
            report("driver: 10-slot READ (D6000..D6976)", server, () -> timed(() -> readCycle(connection)));
            report("driver: 10-slot recipe WRITE (10 x 77 words)", server, () -> timed(() -> writeCycle(connection)));
            report("legacy: 39 fields x 10 slots, 1 datagram each", server, () -> timed(() -> legacyCycle(server)));
        } finally {
            server.stop();
        }
    }

    private static void readCycle(PlcConnection connection) throws Exception {
        PlcReadRequest.Builder builder = connection.readRequestBuilder();
        for (int slot = 0; slot < SLOTS; slot++) {
            builder.addTagAddress("slot" + slot, "D" + (6000 + slot * SLOT_STRIDE) + ":UINT[" + SLOT_WORDS + "]");
        }
        builder.build().execute().get(5, TimeUnit.SECONDS);
    }

    private static void writeCycle(PlcConnection connection) throws Exception {
        PlcWriteRequest.Builder builder = connection.writeRequestBuilder();
        int[] recipe = new int[SLOT_WORDS];
        Arrays.fill(recipe, 1234);
        for (int slot = 0; slot < SLOTS; slot++) {
            builder.addTagAddress("slot" + slot, "D" + (7000 + slot * SLOT_STRIDE) + ":UINT[" + SLOT_WORDS + "]",
                    (Object) recipe);
        }
        builder.build().execute().get(5, TimeUnit.SECONDS);
    }

    /** As the legacy middleware did: a new socket per field, one 2-word read, one recvfrom. */
    private static void legacyCycle(FinsServer server) throws Exception {
        InetSocketAddress plc = new InetSocketAddress("127.0.0.1", server.udpPort());
        byte[] buffer = new byte[2048];
        for (int slot = 0; slot < SLOTS; slot++) {
            for (int field = 0; field < FIELDS_PER_SLOT; field++) {
                int address = 6000 + slot * SLOT_STRIDE + field * 2 % SLOT_WORDS;
                byte[] frame = new MemoryAreaRead(MemoryArea.DM.wordCode(), address, 0, 2)
                        .encode(FinsHeader.command(new FinsNodes(0, 2, 0, 1), 0));
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.setSoTimeout(1000);
                    socket.send(new DatagramPacket(frame, frame.length, plc));
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                }
            }
        }
    }

    private interface Cycle {
        void run() throws Exception;
    }

    private static long timed(Cycle cycle) {
        long start = System.nanoTime();
        try {
            cycle.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    private static void report(String name, FinsServer server, LongSupplier cycle) {
        for (int i = 0; i < WARMUP; i++) {
            cycle.getAsLong();
        }
        long framesBefore = server.commandsReceived();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            nanos[i] = cycle.getAsLong();
        }
        double frames = (server.commandsReceived() - framesBefore) / (double) RUNS;
        Arrays.sort(nanos);
        System.out.println(String.format("%-44s %9.0f %9.3f %9.3f", name, frames, nanos[RUNS / 2] / 1e6,
                nanos[(int) (RUNS * 0.99)] / 1e6));
    }
}
