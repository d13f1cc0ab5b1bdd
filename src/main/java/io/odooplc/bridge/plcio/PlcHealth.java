package io.odooplc.bridge.plcio;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The outcome of the latest exchange with the PLC (a read cycle or a write), which the PLC health check reports. */
public final class PlcHealth {

    /**
     * @param ok        whether the PLC answered completely
     * @param operation what was done, e.g. "READ cycle" or "write D6076"
     * @param at        when it ended
     * @param message   why it failed; null when ok
     */
    public record Outcome(boolean ok, String operation, Instant at, String message) {
    }

    private final AtomicReference<Outcome> last = new AtomicReference<>();

    public void succeeded(String operation) {
        last.set(new Outcome(true, operation, Instant.now(), null));
    }

    public void failed(String operation, String message) {
        last.set(new Outcome(false, operation, Instant.now(), message));
    }

    public Optional<Outcome> last() {
        return Optional.ofNullable(last.get());
    }
}
