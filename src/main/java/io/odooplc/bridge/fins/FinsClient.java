package io.odooplc.bridge.fins;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import org.apache.plc4x.java.api.exceptions.PlcRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one FINS command at a time and returns its answer: a fresh SID for every frame sent, every received frame
 * checked against the command (response bit, nodes, SID, command code, data length), anything else dropped, lost
 * frames sent again.
 *
 * <p>Memory Area Read and Write are both safe to repeat (the same data to the same words), so a command that got no
 * answer is resent up to {@code retries} times, and a late answer to an earlier attempt of the same command is as good
 * as the answer to the latest one. An answer carrying the SID of an earlier command is stale and dropped. When all attempts time out the socket is closed and the client reports
 * itself disconnected; the next command opens it again.
 */
final class FinsClient {

    private static final Logger LOG = LoggerFactory.getLogger(FinsClient.class);

    private final FinsConfiguration config;
    private final Function<FinsConfiguration, FinsTransport> transports;
    private FinsTransport transport;
    private FinsNodes nodes;
    private int nextSid;

    FinsClient(FinsConfiguration config, Function<FinsConfiguration, FinsTransport> transports) {
        this.config = config;
        this.transports = transports;
    }

    synchronized void open() throws IOException {
        if (transport != null) {
            return;
        }
        FinsTransport opened = transports.apply(config);
        try {
            nodes = opened.open(config.nodes(), config.requestTimeout());
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        transport = opened;
        LOG.info("FINS connection to {} open: client node {}, PLC node {}", config.endpoint(), nodes.clientNode(),
                nodes.plcNode());
    }

    synchronized boolean isOpen() {
        return transport != null;
    }

    synchronized void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    /**
     * Executes {@code command} and returns its response; an end code other than normal completion (after masking the
     * status flags) is a {@link FinsEndCodeException} naming {@code what}.
     */
    synchronized FinsResponse execute(FinsCommand command, String what) {
        try {
            open();
            FinsResponse response = exchange(command, what);
            EndCode endCode = response.endCode();
            if (endCode.plcFatalError() || endCode.plcNonFatalError() || endCode.relayError()) {
                LOG.warn("FINS {} {}: PLC status flags in end code {}", config.endpoint(), what, endCode);
            }
            if (!endCode.isNormal()) {
                throw new FinsEndCodeException("FINS " + what + " on " + config.endpoint(), endCode);
            }
            return response;
        } catch (IOException e) {
            close();
            throw new PlcRuntimeException("FINS " + what + " on " + config.endpoint() + " failed: " + e.getMessage(), e);
        }
    }

    private FinsResponse exchange(FinsCommand command, String what) throws IOException {
        Duration timeout = config.requestTimeout();
        int attempts = config.retries() + 1;
        Set<Integer> sids = new HashSet<>();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            FinsHeader header = FinsHeader.command(nodes, nextSid());
            sids.add(header.sid());
            transport.send(command.encode(header));
            FinsResponse response = awaitAnswer(header, sids, command, timeout);
            if (response != null) {
                return response;
            }
            LOG.warn("FINS {} {}: no answer to SID {} within {} ms (attempt {} of {})", config.endpoint(), what,
                    header.sid(), timeout.toMillis(), attempt, attempts);
        }
        close();
        throw new FinsTimeoutException("FINS " + what + " on " + config.endpoint() + ": no answer within "
                + timeout.toMillis() + " ms after " + attempts + " attempt(s); connection marked disconnected");
    }

    private FinsResponse awaitAnswer(FinsHeader sent, Set<Integer> sids, FinsCommand command, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            byte[] frame = transport.receive(Duration.ofNanos(remaining));
            if (frame == null) {
                return null;
            }
            String mismatch;
            try {
                FinsResponse response = FinsResponse.decode(frame);
                mismatch = mismatch(response, sent, sids, command);
                if (mismatch == null) {
                    return response;
                }
            } catch (FinsFrameException e) {
                mismatch = e.getMessage();
            }
            LOG.debug("FINS {}: dropped a frame of {} bytes: {}", config.endpoint(), frame.length, mismatch);
        }
        return null;
    }

    /** Why {@code response} is not an answer to {@code command} sent with one of {@code sids}, or null when it is. */
    static String mismatch(FinsResponse response, FinsHeader sent, Set<Integer> sids, FinsCommand command) {
        FinsHeader h = response.header();
        if (!h.isResponse()) {
            return "not a response (ICF 0x" + Integer.toHexString(h.icf()) + ")";
        }
        if (!sids.contains(h.sid())) {
            return "SID " + h.sid() + " is not one of the awaited " + sids;
        }
        if (h.da1() != sent.sa1() || h.sa1() != sent.da1() && sent.da1() != 0) {
            return "addressed from node " + h.sa1() + " to node " + h.da1() + ", expected " + sent.da1() + " to "
                    + sent.sa1();
        }
        if (response.mrc() != command.mrc() || response.src() != command.src()) {
            return String.format("command code %02X%02X is not the awaited %02X%02X", response.mrc(), response.src(),
                    command.mrc(), command.src());
        }
        int expected = command.responseDataLength();
        if (response.endCode().isNormal() && response.data().length != expected) {
            return response.data().length + " data bytes where " + expected + " were asked for";
        }
        return null;
    }

    private int nextSid() {
        int sid = nextSid;
        nextSid = (nextSid + 1) & 0xFF;
        return sid;
    }
}
