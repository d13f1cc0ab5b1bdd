package io.odooplc.bridge.plcio;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stack traces that a library prints to stderr itself go through the log instead. PLC4X's Netty channel factory
 * calls {@code printStackTrace()} on every failed connect: while a PLC refuses connections that was some 150 raw
 * lines without a timestamp per attempt, several attempts per run. Here the trace is logged once per PLC outage
 * (WARN with the trace, in the normal format), then at DEBUG until a PLC exchange has succeeded again; each failed run
 * still says what failed in its own one line.
 *
 * <p>{@link Throwable#printStackTrace()} writes the throwable itself through {@code println(Object)} and then its
 * trace lines (each starting with a tab, or "Caused by: ") on the same thread while holding the stream's lock, so the
 * trace is recognised exactly; any other output passes unchanged.
 */
public final class PrintedStackTraces extends PrintStream {

    private static final Logger LOG = LoggerFactory.getLogger(PrintedStackTraces.class);

    private final ThreadLocal<Boolean> inTrace = ThreadLocal.withInitial(() -> false);
    private volatile PlcHealth health;
    private Instant warnedAt;

    private PrintedStackTraces(PrintStream out, PlcHealth health) {
        super(out, true);
        this.health = health;
    }

    /** Puts the filter in front of stderr (once per JVM; a later bridge in the same JVM takes it over). */
    public static synchronized void install(PlcHealth health) {
        if (System.err instanceof PrintedStackTraces installed) {
            installed.health = health;
        } else {
            System.setErr(new PrintedStackTraces(System.err, health));
        }
    }

    @Override
    public void println(Object x) {
        if (x instanceof Throwable t) {
            inTrace.set(true);
            log(t);
        } else if (!(x instanceof String s && skipped(s))) {
            super.println(x);
        }
    }

    @Override
    public void println(String x) {
        if (!skipped(x)) {
            super.println(x);
        }
    }

    private boolean skipped(String line) {
        if (inTrace.get() && line != null && (line.startsWith("\t") || line.startsWith("Caused by: "))) {
            return true;
        }
        inTrace.set(false);
        return false;
    }

    private synchronized void log(Throwable t) {
        Optional<PlcHealth.Outcome> last = health.last();
        boolean recovered = last.isPresent() && last.get().ok() && warnedAt != null
                && last.get().at().isAfter(warnedAt);
        if (warnedAt == null || recovered) {
            warnedAt = Instant.now();
            LOG.warn("stack trace printed by a library (shown once per PLC outage, then at DEBUG): {}", t, t);
        } else {
            LOG.debug("stack trace printed by a library: {}", t, t);
        }
    }
}
