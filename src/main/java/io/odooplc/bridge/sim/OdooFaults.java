package io.odooplc.bridge.sim;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runtime switches that make the fake Odoo misbehave the way the field one did. Safe to flip from a test thread
 * while requests are in flight. Stopping the server (connection refused) and expiring sessions live on FakeOdoo;
 * unknown and already-done MOs are made through FakeOdooStock.remove and forceState.
 */
public final class OdooFaults {

    private static final int INTERNAL_SERVER_ERROR = 500;

    private record ForcedStatus(int status, int remaining) {
    }

    private final Map<OdooEndpoint, ForcedStatus> forcedStatus = new ConcurrentHashMap<>();
    private final Map<OdooEndpoint, Duration> delays = new ConcurrentHashMap<>();
    private volatile boolean partialErrors;
    private volatile boolean ignoreStatesFilter;
    private volatile boolean bareResponses;

    /** The next {@code times} calls to the endpoint answer HTTP 500 without touching any data. */
    public void failNext(OdooEndpoint endpoint, int times) {
        failNext(endpoint, times, INTERNAL_SERVER_ERROR);
    }

    /** As failNext, with another HTTP status (e.g. 404 for an addon that is not installed, 502 for a proxy). */
    public void failNext(OdooEndpoint endpoint, int times, int httpStatus) {
        if (times > 0) {
            forcedStatus.put(endpoint, new ForcedStatus(httpStatus, times));
        } else {
            forcedStatus.remove(endpoint);
        }
    }

    /** Every call to the endpoint answers HTTP 500 until cleared. */
    public void failAlways(OdooEndpoint endpoint) {
        failNext(endpoint, Integer.MAX_VALUE);
    }

    /** Every call to the endpoint waits this long before it is handled. */
    public void delay(OdooEndpoint endpoint, Duration delay) {
        delays.put(endpoint, delay);
    }

    /** Successful consumption updates still carry an "errors" entry, so the addon reports a partial success. */
    public void forcePartialErrors(boolean on) {
        partialErrors = on;
    }

    /** mo-list-detailed ignores "states" and lists MOs in every state, done and cancelled included. */
    public void ignoreStatesFilter(boolean on) {
        ignoreStatesFilter = on;
    }

    /** The SCADA addon routes answer their body without the JSON-RPC envelope, as some addon versions did. */
    public void bareResponses(boolean on) {
        bareResponses = on;
    }

    public void clear() {
        forcedStatus.clear();
        delays.clear();
        partialErrors = false;
        ignoreStatesFilter = false;
        bareResponses = false;
    }

    /** Consumes one forced failure for the endpoint, if any is armed. */
    OptionalInt takeForcedStatus(OdooEndpoint endpoint) {
        int[] taken = new int[1];
        forcedStatus.computeIfPresent(endpoint, (e, forced) -> {
            taken[0] = forced.status();
            int left = forced.remaining() == Integer.MAX_VALUE ? Integer.MAX_VALUE : forced.remaining() - 1;
            return left > 0 ? new ForcedStatus(forced.status(), left) : null;
        });
        return taken[0] == 0 ? OptionalInt.empty() : OptionalInt.of(taken[0]);
    }

    Duration delayFor(OdooEndpoint endpoint) {
        return delays.getOrDefault(endpoint, Duration.ZERO);
    }

    boolean partialErrors() {
        return partialErrors;
    }

    boolean ignoreStatesFilter() {
        return ignoreStatesFilter;
    }

    boolean bareResponses() {
        return bareResponses;
    }
}
