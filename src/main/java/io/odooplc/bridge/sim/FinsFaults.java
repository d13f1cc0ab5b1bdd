package io.odooplc.bridge.sim;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault switches of the simulated FINS server, all off at start. Tests switch them to reproduce what a plant network
 * does to UDP: lost datagrams, late answers, stray answers with another SID, and a PLC with a non-fatal error flag.
 */
public final class FinsFaults {

    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger wrongSidFirst = new AtomicInteger();
    private volatile double dropRatio;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean nonFatalError;

    /** The next {@code count} commands get no answer at all. */
    public void dropNext(int count) {
        dropNext.set(count);
    }

    /** Each command is left unanswered with this probability (0..1). */
    public void dropRatio(double ratio) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("drop ratio must be 0..1: " + ratio);
        }
        dropRatio = ratio;
    }

    /** Every answer is sent this much later. */
    public void delay(Duration answerDelay) {
        delay = answerDelay;
    }

    /**
     * The next {@code count} answers are each preceded by a stray one: another SID and the data inverted, as a late
     * answer to an earlier command would arrive.
     */
    public void wrongSidFirst(int count) {
        wrongSidFirst.set(count);
    }

    /** Sets the PLC non-fatal error flag (SRES bit 6) in every end code, as a PLC with a battery warning does. */
    public void nonFatalError(boolean on) {
        nonFatalError = on;
    }

    public void clear() {
        dropNext.set(0);
        wrongSidFirst.set(0);
        dropRatio = 0;
        delay = Duration.ZERO;
        nonFatalError = false;
    }

    boolean dropThisCommand() {
        if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        return dropRatio > 0 && ThreadLocalRandom.current().nextDouble() < dropRatio;
    }

    boolean sendWrongSidFirst() {
        return wrongSidFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    Duration delay() {
        return delay;
    }

    boolean nonFatalError() {
        return nonFatalError;
    }
}
