package io.odooplc.bridge.sim;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus TCP server over a {@link WordImage}: FC3, FC6 and FC16 on holding registers, protocol address N = DM N.
 * One thread per connection, requests on a connection answered in order.
 *
 * <p>Fault switches, settable while running, let tests show the bridge a PLC that misbehaves:
 * {@link #setResponseDelay} (slow PLC), {@link #dropConnections} and {@link #setDropRequests} (lost connections),
 * {@link #stop} then {@link #start} (PLC down, then back on the same port).
 */
public final class ModbusTcpServer {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpServer.class);

    private static final int MBAP_HEADER_BYTES = 7;
    /** MBAP length counts the unit id plus the PDU; a Modbus PDU is at most 253 bytes. */
    private static final int MAX_MBAP_LENGTH = 1 + 253;
    private static final int ACCEPT_BACKLOG = 50;

    private final ModbusFunctions functions;
    private final String host;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong requestsServed = new AtomicLong();
    private final AtomicInteger connectionNumber = new AtomicInteger();

    private volatile int port;
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile boolean dropRequests;
    private volatile boolean dropWrites;
    private ServerSocket serverSocket;
    private Thread acceptor;

    /**
     * @param port the port to listen on; 0 picks a free port at the first {@link #start}, which later starts reuse
     */
    public ModbusTcpServer(WordImage image, String host, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
        this.functions = new ModbusFunctions(image);
        this.host = host;
        this.port = port;
    }

    /** Starts listening. After {@link #stop} it listens again on the same port, as a PLC coming back would. */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        // The previous run's connections may still be in TIME_WAIT; without this the same port cannot be rebound.
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(host, port), ACCEPT_BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw new IOException("PLC simulator cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        port = socket.getLocalPort();
        serverSocket = socket;
        acceptor = new Thread(() -> acceptLoop(socket), "plc-sim-modbus-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Modbus TCP PLC simulator listening on {}:{}", host, port);
    }

    /** Stops listening and closes every open connection: the PLC is down until the next {@link #start}. */
    public synchronized void stop() {
        if (serverSocket == null) {
            return;
        }
        closeQuietly(serverSocket);
        serverSocket = null;
        dropConnections();
        try {
            acceptor.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acceptor = null;
        LOG.info("Modbus TCP PLC simulator on {}:{} stopped", host, port);
    }

    public synchronized boolean isRunning() {
        return serverSocket != null;
    }

    public String host() {
        return host;
    }

    /** The port listened on; after a start with port 0 this is the port that was picked. */
    public int port() {
        return port;
    }

    /** Requests answered so far (normal and exception responses), e.g. to count requests per bridge cycle. */
    public long requestsServed() {
        return requestsServed.get();
    }

    public void resetRequestsServed() {
        requestsServed.set(0);
    }

    public int openConnections() {
        return connections.size();
    }

    /** Slow PLC: each request is handled only after this delay. {@link Duration#ZERO} switches it off. */
    public void setResponseDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("response delay must not be negative: " + delay);
        }
        responseDelay = delay;
    }

    /** While on, every request closes its connection unanswered and unapplied (the server keeps accepting). */
    public void setDropRequests(boolean drop) {
        dropRequests = drop;
    }

    /** While on, every write request (FC6, FC16) closes its connection unanswered and unapplied; reads work. */
    public void setDropWrites(boolean drop) {
        dropWrites = drop;
    }

    /** Closes every open connection now, as a network blip would; new connections are accepted as before. */
    public void dropConnections() {
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                if (listening.isClosed()) {
                    // stop() ran between accept and add: this connection must not outlive the PLC going down.
                    closeQuietly(socket);
                    return;
                }
                Thread connection = new Thread(() -> serve(socket),
                        "plc-sim-modbus-conn-" + connectionNumber.incrementAndGet());
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    LOG.warn("Modbus TCP accept on port {} failed: {}", port, e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        LOG.debug("Modbus TCP connection from {} opened", peer);
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            boolean open = true;
            while (open) {
                open = serveOne(in, out, peer);
            }
        } catch (EOFException | SocketException e) {
            LOG.debug("Modbus TCP connection from {} ended: {}", peer, e.getMessage());
        } catch (IOException e) {
            LOG.warn("Modbus TCP connection from {} failed: {}", peer, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }

    /** Reads one request and answers it; false when the connection is to be closed instead. */
    private boolean serveOne(DataInputStream in, OutputStream out, String peer)
            throws IOException, InterruptedException {
        byte[] header = new byte[MBAP_HEADER_BYTES];
        in.readFully(header);
        int protocolId = ModbusFunctions.uint16(header, 2);
        int length = ModbusFunctions.uint16(header, 4);
        if (protocolId != 0 || length < 2 || length > MAX_MBAP_LENGTH) {
            LOG.warn("Modbus TCP from {}: bad MBAP header (protocol id {}, length {}), closing",
                    peer, protocolId, length);
            return false;
        }
        byte[] request = new byte[length - 1];
        in.readFully(request);
        boolean write = request.length > 0 && (request[0] == 6 || request[0] == 16);
        if (dropRequests || (dropWrites && write)) {
            LOG.info("Modbus TCP from {}: dropping the connection on request (fault switch)", peer);
            return false;
        }
        Duration delay = responseDelay;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        byte[] response = functions.answer(request);
        byte[] frame = new byte[MBAP_HEADER_BYTES + response.length];
        System.arraycopy(header, 0, frame, 0, 4);
        ModbusFunctions.putUint16(frame, 4, response.length + 1);
        frame[6] = header[6];
        System.arraycopy(response, 0, frame, MBAP_HEADER_BYTES, response.length);
        // Counted before the answer leaves, so a client that has its answer always sees it counted.
        requestsServed.incrementAndGet();
        out.write(frame);
        out.flush();
        return true;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
