package io.odooplc.bridge.sim;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.HexFormat;

/**
 * A deliberately naive Modbus TCP client for the tests: builds and parses frames by hand, byte by byte, so the
 * server is checked against the spec rather than against a library that shares its assumptions.
 */
public final class RawModbusClient implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int transactionId;

    public RawModbusClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(3000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.toLowerCase());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes).toUpperCase();
    }

    void send(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    /** Reads one whole response frame (MBAP header and PDU). */
    byte[] receive() throws IOException {
        byte[] header = new byte[7];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        byte[] frame = new byte[6 + length];
        System.arraycopy(header, 0, frame, 0, 7);
        in.readFully(frame, 7, length - 1);
        return frame;
    }

    byte[] exchange(byte[] frame) throws IOException {
        send(frame);
        return receive();
    }

    public int[] readHoldingRegisters(int address, int quantity) throws IOException {
        byte[] pdu = exchangePdu(new byte[] {3, hi(address), lo(address), hi(quantity), lo(quantity)});
        int[] words = new int[quantity];
        for (int i = 0; i < quantity; i++) {
            words[i] = ((pdu[2 + 2 * i] & 0xFF) << 8) | (pdu[3 + 2 * i] & 0xFF);
        }
        return words;
    }

    public void writeSingleRegister(int address, int value) throws IOException {
        exchangePdu(new byte[] {6, hi(address), lo(address), hi(value), lo(value)});
    }

    public void writeMultipleRegisters(int address, int... values) throws IOException {
        byte[] pdu = new byte[6 + 2 * values.length];
        pdu[0] = 16;
        pdu[1] = hi(address);
        pdu[2] = lo(address);
        pdu[3] = hi(values.length);
        pdu[4] = lo(values.length);
        pdu[5] = (byte) (2 * values.length);
        for (int i = 0; i < values.length; i++) {
            pdu[6 + 2 * i] = hi(values[i]);
            pdu[7 + 2 * i] = lo(values[i]);
        }
        exchangePdu(pdu);
    }

    private byte[] exchangePdu(byte[] pdu) throws IOException {
        transactionId++;
        byte[] frame = new byte[7 + pdu.length];
        frame[0] = hi(transactionId);
        frame[1] = lo(transactionId);
        frame[4] = hi(pdu.length + 1);
        frame[5] = lo(pdu.length + 1);
        frame[6] = 1;
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        byte[] response = exchange(frame);
        if (response[0] != frame[0] || response[1] != frame[1]) {
            throw new IOException("transaction id mismatch: " + hex(response));
        }
        if ((response[7] & 0x80) != 0) {
            throw new IOException("Modbus exception " + response[8] + ": " + hex(response));
        }
        byte[] responsePdu = new byte[response.length - 7];
        System.arraycopy(response, 7, responsePdu, 0, responsePdu.length);
        return responsePdu;
    }

    private static byte hi(int value) {
        return (byte) (value >>> 8);
    }

    private static byte lo(int value) {
        return (byte) value;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
