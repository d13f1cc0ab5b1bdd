package io.odooplc.bridge.fins;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** Moves whole FINS frames to and from one PLC. Implementations own the socket; the codec never sees one. */
interface FinsTransport extends Closeable {

    /** Opens the socket (and does the FINS/TCP handshake); returns the nodes to put in the headers. */
    FinsNodes open(FinsNodes configured, Duration timeout) throws IOException;

    void send(byte[] finsFrame) throws IOException;

    /** The next FINS frame received, or null when none arrived within {@code timeout}. */
    byte[] receive(Duration timeout) throws IOException;

    @Override
    void close();
}
