package io.odooplc.bridge.sim;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated PLC's FINS side: FINS/UDP and FINS/TCP (with its node address handshake) on the same memory, with
 * the fault switches of {@link #faults()}. A CJ Ethernet unit answers FINS on port 9600 over both transports; here
 * each gets its own port so tests can pick free ones.
 */
public final class FinsServer {

    /** The PLC's FINS node, reported to FINS/TCP clients (the legacy plant uses PLC_NODE=2). */
    public static final int DEFAULT_NODE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(FinsServer.class);
    private static final byte[] MAGIC = "FINS".getBytes(StandardCharsets.US_ASCII);
    private static final int TCP_NODE_TO_SERVER = 0;
    private static final int TCP_NODE_TO_CLIENT = 1;
    private static final int TCP_FRAME_SEND = 2;
    private static final int TCP_ERROR_NOT_FINS = 0x01;
    private static final int TCP_ERROR_TOO_LONG = 0x02;
    private static final int TCP_ERROR_UNSUPPORTED = 0x03;
    private static final int TCP_ERROR_NODE_RANGE = 0x23;
    private static final int TCP_ERROR_SAME_NODE = 0x24;
    private static final int TCP_MAX_PAYLOAD = 2048;
    /** Clients asking for node 0 get one counted down from here, clear of the usual small fixed node numbers. */
    private static final int FIRST_ASSIGNED_NODE = 239;

    private final FinsMemory memory;
    private final String host;
    private final int requestedUdpPort;
    private final int requestedTcpPort;
    private final int node;
    private final FinsFaults faults = new FinsFaults();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicInteger nextAssignedNode = new AtomicInteger(FIRST_ASSIGNED_NODE);
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private DatagramSocket udp;
    private ServerSocket tcp;
    private ScheduledExecutorService answers;

    /**
     * @param udpPort 0 picks a free port
     * @param tcpPort 0 picks a free port
     */
    public FinsServer(WordImage dm, String host, int udpPort, int tcpPort) {
        this(dm, host, udpPort, tcpPort, DEFAULT_NODE);
    }

    public FinsServer(WordImage dm, String host, int udpPort, int tcpPort, int node) {
        this.memory = new FinsMemory(dm);
        this.host = host;
        this.requestedUdpPort = udpPort;
        this.requestedTcpPort = tcpPort;
        this.node = node;
    }

    public synchronized void start() throws IOException {
        answers = Executors.newSingleThreadScheduledExecutor(daemon("fins-sim-answers"));
        udp = new DatagramSocket(new InetSocketAddress(host, requestedUdpPort));
        tcp = new ServerSocket();
        tcp.bind(new InetSocketAddress(host, requestedTcpPort));
        daemon("fins-sim-udp").newThread(this::serveUdp).start();
        daemon("fins-sim-tcp-accept").newThread(this::acceptTcp).start();
        LOG.info("FINS simulator on {} udp:{} tcp:{} (node {})", host, udp.getLocalPort(), tcp.getLocalPort(), node);
    }

    public synchronized void stop() {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException e) {
                LOG.debug("closing FINS/TCP listener: {}", e.getMessage());
            }
        }
        clients.forEach(FinsServer::closeQuietly);
        if (answers != null) {
            answers.shutdownNow();
        }
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    public int tcpPort() {
        return tcp.getLocalPort();
    }

    public FinsFaults faults() {
        return faults;
    }

    /** Command frames received so far over both transports, dropped ones included. */
    public long commandsReceived() {
        return commands.get();
    }

    /** The words of a non-DM area (CIO, W, H, A), or DM with "D". */
    public WordImage area(String prefix) {
        return memory.image(prefix);
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                if (!udp.isClosed()) {
                    LOG.warn("FINS/UDP receive failed: {}", e.getMessage());
                }
                continue;
            }
            SocketAddress client = packet.getSocketAddress();
            byte[] command = Arrays.copyOf(packet.getData(), packet.getLength());
            handle(command, answer -> sendUdp(answer, client));
        }
    }

    private void sendUdp(byte[] answer, SocketAddress client) {
        try {
            udp.send(new DatagramPacket(answer, answer.length, client));
        } catch (IOException e) {
            LOG.debug("FINS/UDP send to {} failed: {}", client, e.getMessage());
        }
    }

    /** Answers one command frame through {@code send}, applying the fault switches. */
    private void handle(byte[] command, Consumer<byte[]> send) {
        commands.incrementAndGet();
        byte[] answer = memory.answer(command, faults.nonFatalError());
        if (answer == null || faults.dropThisCommand()) {
            return;
        }
        Runnable reply = () -> {
            if (faults.sendWrongSidFirst()) {
                send.accept(strayAnswer(answer));
            }
            send.accept(answer);
        };
        Duration delay = faults.delay();
        if (delay.isZero()) {
            reply.run();
        } else {
            answers.schedule(reply, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A copy of {@code answer} with the next SID and its data inverted, as a stale answer to another command. */
    private static byte[] strayAnswer(byte[] answer) {
        byte[] stray = answer.clone();
        stray[9] = (byte) (stray[9] + 1);
        for (int i = 14; i < stray.length; i++) {
            stray[i] = (byte) ~stray[i];
        }
        return stray;
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                socket.setTcpNoDelay(true);
                clients.add(socket);
                daemon("fins-sim-tcp-" + socket.getPort()).newThread(() -> serveTcp(socket)).start();
            } catch (IOException e) {
                if (!tcp.isClosed()) {
                    LOG.warn("FINS/TCP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Consumer<byte[]> sendFrame = fins -> sendTcp(out, TCP_FRAME_SEND, 0, fins);
            boolean handshakeDone = false;
            while (true) {
                byte[] header = new byte[16];
                in.readFully(header);
                ByteBuffer h = ByteBuffer.wrap(header);
                byte[] magic = new byte[4];
                h.get(magic);
                int length = h.getInt();
                if (!Arrays.equals(magic, MAGIC)) {
                    sendTcp(out, TCP_NODE_TO_CLIENT, TCP_ERROR_NOT_FINS, new byte[0]);
                    return;
                }
                if (length < 8 || length - 8 > TCP_MAX_PAYLOAD) {
                    sendTcp(out, TCP_NODE_TO_CLIENT, TCP_ERROR_TOO_LONG, new byte[0]);
                    return;
                }
                int tcpCommand = h.getInt();
                byte[] payload = new byte[length - 8];
                in.readFully(payload);
                if (!handshakeDone && tcpCommand == TCP_NODE_TO_SERVER && payload.length == 4) {
                    handshakeDone = handshake(out, ByteBuffer.wrap(payload).getInt());
                    if (!handshakeDone) {
                        return;
                    }
                } else if (handshakeDone && tcpCommand == TCP_FRAME_SEND) {
                    handle(payload, sendFrame);
                } else {
                    sendTcp(out, tcpCommand, TCP_ERROR_UNSUPPORTED, new byte[0]);
                }
            }
        } catch (EOFException | SocketException e) {
            LOG.debug("FINS/TCP client left: {}", e.getMessage());
        } catch (IOException e) {
            LOG.warn("FINS/TCP client failed: {}", e.getMessage());
        } finally {
            clients.remove(socket);
        }
    }

    /** Answers the node address request: 0 gets a node assigned, 1..254 other than ours is accepted as asked. */
    private boolean handshake(OutputStream out, int requestedNode) {
        if (requestedNode < 0 || requestedNode > 254) {
            sendTcp(out, TCP_NODE_TO_CLIENT, TCP_ERROR_NODE_RANGE, new byte[0]);
            return false;
        }
        if (requestedNode == node) {
            sendTcp(out, TCP_NODE_TO_CLIENT, TCP_ERROR_SAME_NODE, new byte[0]);
            return false;
        }
        int clientNode = requestedNode == 0 ? nextAssignedNode.getAndDecrement() : requestedNode;
        sendTcp(out, TCP_NODE_TO_CLIENT, 0, ByteBuffer.allocate(8).putInt(clientNode).putInt(node).array());
        return true;
    }

    private static void sendTcp(OutputStream out, int command, int error, byte[] payload) {
        byte[] frame = ByteBuffer.allocate(16 + payload.length)
                .put(MAGIC).putInt(8 + payload.length).putInt(command).putInt(error).put(payload).array();
        synchronized (out) {
            try {
                out.write(frame);
                out.flush();
            } catch (IOException e) {
                LOG.debug("FINS/TCP send failed: {}", e.getMessage());
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing FINS/TCP client: {}", e.getMessage());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
