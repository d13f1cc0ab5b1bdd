package io.odooplc.bridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
