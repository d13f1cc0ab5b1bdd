package io.odooplc.bridge.fins;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * FINS/UDP: one socket for the life of the connection, connected to the PLC so datagrams from any other address are
 * discarded by the operating system.
 */
final class UdpTransport implements FinsTransport {

    /** A FINS frame is at most 2012 bytes; the rest is headroom so an oversized datagram is seen, not truncated. */
    private static final int RECEIVE_BUFFER = 4096;

    private final InetSocketAddress plc;
    private DatagramSocket socket;

    UdpTransport(String host, int port) {
        this.plc = new InetSocketAddress(host, port);
    }

    @Override
    public FinsNodes open(FinsNodes configured, Duration timeout) throws IOException {
        if (plc.isUnresolved()) {
            throw new IOException("cannot resolve PLC host " + plc.getHostString());
        }
        socket = new DatagramSocket();
        socket.connect(plc);
        return configured;
    }

    @Override
    public void send(byte[] finsFrame) throws IOException {
        socket.send(new DatagramPacket(finsFrame, finsFrame.length));
    }

    @Override
    public byte[] receive(Duration timeout) throws IOException {
        byte[] buffer = new byte[RECEIVE_BUFFER];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
