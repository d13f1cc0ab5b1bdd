package io.odooplc.bridge.odoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 standing in for a misbehaving Odoo: every request gets the same answer, sent by
 * {@link Answer}. It reads the request head and body (by Content-Length) before answering.
 */
final class MisbehavingOdoo implements AutoCloseable {

    /** How the server answers one request on an open socket. */
    interface Answer {
        void send(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Answer answer;
    private final AtomicInteger requests = new AtomicInteger();

    MisbehavingOdoo(Answer answer) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        Thread accept = new Thread(this::serve, "misbehaving-odoo");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    /** Headers for a 200 answer, then the given body; Content-Length as declared. */
    static byte[] head(String contentType, long contentLength) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> handle(socket), "misbehaving-odoo-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readRequest(in)) {
                requests.incrementAndGet();
                answer.send(out);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client gave up or the test ended.
        }
    }

    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n")) {
            if ((b = in.read()) < 0) {
                return false;
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
