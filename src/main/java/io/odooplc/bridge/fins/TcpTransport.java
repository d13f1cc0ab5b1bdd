package io.odooplc.bridge.fins;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * FINS/TCP: each FINS frame travels inside a FINS/TCP frame. Before the first command the client sends its node
 * address (0 = please assign) and the PLC answers with the client node it accepted and its own node; those two are
 * what the FINS headers must then carry.
 */
final class TcpTransport implements FinsTransport {

    private final String host;
    private final int port;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    TcpTransport(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public FinsNodes open(FinsNodes configured, Duration timeout) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write(FinsTcpFrame.nodeAddressRequest(configured.clientNode()).encode());
        out.flush();
        FinsTcpFrame answer = readFrame(timeout);
        if (answer == null) {
            throw new IOException("no answer to the FINS/TCP node address request within " + timeout.toMillis() + " ms");
        }
        try {
            int[] nodes = answer.assignedNodes();
            return configured.withClientNode(nodes[0]).withPlcNode(nodes[1]);
        } catch (FinsFrameException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] finsFrame) throws IOException {
        out.write(FinsTcpFrame.frameSend(finsFrame).encode());
        out.flush();
    }

    @Override
    public byte[] receive(Duration timeout) throws IOException {
        FinsTcpFrame frame = readFrame(timeout);
        if (frame == null) {
            return null;
        }
        if (frame.command() != FinsTcpFrame.FRAME_SEND) {
            throw new IOException("unexpected FINS/TCP frame " + frame);
        }
        return frame.payload();
    }

    /**
     * Reads one frame. A timeout before the first byte is "no answer yet"; a timeout in the middle of a frame leaves
     * the stream unframed, so it is an error that closes the connection.
     */
    private FinsTcpFrame readFrame(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        byte[] header = new byte[FinsTcpFrame.HEADER_LENGTH];
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (first < 0) {
            throw new IOException("PLC closed the FINS/TCP connection");
        }
        header[0] = (byte) first;
        in.readFully(header, 1, header.length - 1);
        try {
            byte[] payload = new byte[FinsTcpFrame.payloadLength(header)];
            in.readFully(payload);
            FinsTcpFrame frame = FinsTcpFrame.decode(header, payload);
            if (frame.errorCode() != 0) {
                throw new IOException("PLC reported FINS/TCP error 0x" + Integer.toHexString(frame.errorCode()) + ": "
                        + FinsTcpFrame.errorName(frame.errorCode()));
            }
            return frame;
        } catch (FinsFrameException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken socket has nothing left to report
            }
        }
    }
}
