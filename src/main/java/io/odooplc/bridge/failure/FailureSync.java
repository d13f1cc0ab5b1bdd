package io.odooplc.bridge.failure;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.odooplc.bridge.batch.RetryBackoff;
import io.odooplc.bridge.config.Values;
import io.odooplc.bridge.failure.FailureStore.PendingFailure;
import io.odooplc.bridge.odoo.OdooClient;
import io.odooplc.bridge.odoo.OdooReply;
import io.odooplc.bridge.ops.TaskCounts;
import io.odooplc.bridge.plc.FailureArea;
import io.odooplc.bridge.plc.FailureCodec;
import io.odooplc.bridge.plc.FailureReport;
import io.odooplc.bridge.plc.FieldProblem;
import io.odooplc.bridge.plc.FieldSpec;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.WordRange;
import io.odooplc.bridge.plc.Words;
import io.odooplc.bridge.plcio.PlcWrites;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 5, legacy §1.8 with #19 and #20 fixed. {@link #take} stores the event the PLC shows in its failure area and
 * only then hands back the acknowledgement (D8022 = 1) to write, so an event is never acknowledged and lost. An event
 * with a time that is not a real date, or without equipment code or text, is neither stored nor acknowledged: the PLC
 * keeps showing it and every run logs which words are wrong. {@link #recordReport} records Odoo's answer for each
 * stored failure; one Odoo could not take is offered again after a backoff until Odoo takes or rejects it.
 */
public class FailureSync {

    /** Exchange property holding the {@link PendingFailure} a split step reports. */
    public static final String FAILURE = "failure";

    private static final Logger LOG = LoggerFactory.getLogger(FailureSync.class);
    private static final String P = "[task5-equipment-failure] ";
    private static final String EVENT = "bridgeFailureEvent";
    /** INFO texts the PLC program writes when there is no failure (legacy §1.8 step 2): nothing to store or ack. */
    private static final Set<String> NO_FAILURE = Set.of("0", "NONE", "NO_FAILURE", "NO ERROR", "NO_ERROR");
    /** Reports offered to Odoo per run, oldest first; a longer backlog goes on in the next runs. */
    private static final int REPORTS_PER_RUN = 50;

    /** A failure event as stored: what the PLC showed, decoded and checked. */
    public record Event(String equipmentCode, String description, LocalDateTime at) {
        @Override
        public String toString() {
            return equipmentCode + " " + description + " at " + at;
        }
    }

    private final FailureStore store;
    private final FailureArea area;
    private final FailureCodec codec;
    private final int ackAddress;
    private final PlcWrites writes;
    private final OdooClient odoo;
    private final RetryBackoff backoff;

    public FailureSync(FailureStore store, MemoryMap map, PlcWrites writes, OdooClient odoo, RetryBackoff backoff) {
        this.store = store;
        this.area = map.failureArea();
        this.codec = new FailureCodec(map);
        this.ackAddress = map.handshake().failureAck();
        this.writes = writes;
        this.odoo = odoo;
        this.backoff = backoff;
    }

    /** The failure area's range, for the planned read. */
    public static List<WordRange> ranges(MemoryMap map) {
        return List.of(map.failureArea().range());
    }

    /**
     * Decodes the failure area and stores a new, valid event; returns the camel-plc4x body acknowledging it, empty
     * when there is nothing to acknowledge (idle area, event already acknowledged, event rejected).
     */
    public Map<String, Map<String, Object>> take(Map<WordRange, int[]> words, Exchange exchange) throws SQLException {
        for (String count : List.of("read", "stored", "duplicate", "rejected", "acked", "reported", "report_failed",
                "report_rejected", "deferred")) {
            TaskCounts.put(exchange, count, 0);
        }
        int[] raw = words.get(area.range());
        FailureReport report = codec.decode(raw);
        if (report.idle() || report.statusReadData().orElse(false) || saysNoFailure(report)) {
            return writes.body(List.of());
        }
        TaskCounts.put(exchange, "read", 1);
        List<String> reasons = reasons(report);
        if (!reasons.isEmpty()) {
            TaskCounts.put(exchange, "rejected", 1);
            LOG.warn(P + "failure event rejected, not stored and not acknowledged (D8022 stays 0): {}; raw {} {}",
                    String.join("; ", reasons), area.range(), Words.describe(raw));
            return writes.body(List.of());
        }
        Event event = new Event(report.equipmentCode().orElseThrow().strip(), report.info().orElseThrow().strip(),
                report.occurredAt().orElseThrow());
        if (store.store(event.equipmentCode(), event.description(), event.at())) {
            TaskCounts.put(exchange, "stored", 1);
            LOG.info(P + "failure {} stored", event);
        } else {
            // The PLC shows an event until it sees D8022 = 1: the last acknowledgement did not reach it.
            TaskCounts.put(exchange, "duplicate", 1);
            LOG.info(P + "failure {} shown again, already stored; acknowledging it again", event);
        }
        exchange.setProperty(EVENT, event);
        return writes.body(List.of(new PlcWrites.Block(new WordRange(ackAddress, 1), new int[] {1})));
    }

    /** Called once the PLC has accepted the acknowledgement write. */
    public void acknowledged(@ExchangeProperty(EVENT) Event event, Exchange exchange) {
        TaskCounts.put(exchange, "acked", 1);
        LOG.info(P + "failure {} acknowledged on the PLC ({} = 1)", event, Words.dm(ackAddress));
    }

    /** Stored failures Odoo does not have yet whose next attempt is due, oldest first. */
    public List<PendingFailure> dueForOdoo() throws SQLException {
        odoo.ensureConfigured();
        return store.due(REPORTS_PER_RUN);
    }

    /**
     * Odoo's answer decides the row: sent; rejected for good (e.g. unknown equipment code); left alone while the
     * circuit is open (nothing was sent); otherwise offered again after the backoff, with no attempt limit, because
     * a failure report must reach Odoo in the end (legacy #19).
     */
    public void recordReport(@ExchangeProperty(FAILURE) PendingFailure failure, OdooReply reply, Exchange exchange)
            throws SQLException {
        String what = failure.equipmentCode() + " " + failure.description() + " at " + failure.failureAt();
        int attempt = failure.attempts() + 1;
        // PARTIAL is status success with an "errors" list: Odoo created the report, so sending it again would
        // create a second one.
        if (reply.isSuccess() || reply.outcome() == OdooReply.Outcome.PARTIAL) {
            store.sent(failure.id());
            TaskCounts.increment(exchange, "reported");
            LOG.info(P + "failure {} reported to Odoo (attempt {}){}", what, attempt,
                    reply.isSuccess() ? "" : ", with remarks: " + reply.message());
        } else if (reply.isRejected()) {
            store.rejected(failure.id(), "Odoo rejected the report: " + reply.message());
            TaskCounts.increment(exchange, "report_rejected");
            LOG.warn(P + "failure {} REJECTED by Odoo, not offered again: {}", what, reply.message());
        } else if (reply.isCircuitOpen()) {
            TaskCounts.increment(exchange, "deferred");
            LOG.info(P + "failure {} not reported yet: {}", what, reply.message());
        } else {
            Duration wait = backoff.after(attempt);
            store.retryLater(failure.id(), reply.message(), wait);
            TaskCounts.increment(exchange, "report_failed");
            LOG.warn(P + "failure {} not reported (attempt {}), next try in {}: {}", what, attempt,
                    Values.format(wait), reply.message());
        }
    }

    private static boolean saysNoFailure(FailureReport report) {
        return report.problems().isEmpty()
                && report.info().map(info -> NO_FAILURE.contains(info.strip().toUpperCase(Locale.ROOT))).orElse(false);
    }

    /** Why the event cannot be stored: undecodable words, an impossible time, or an empty code or text. */
    private List<String> reasons(FailureReport report) {
        List<String> reasons = new ArrayList<>(report.problems().stream().map(FieldProblem::toString).toList());
        empty(report.equipmentCode(), "equipment_code").ifPresent(reasons::add);
        empty(report.info(), "info").ifPresent(reasons::add);
        return reasons;
    }

    private Optional<String> empty(Optional<String> text, String key) {
        if (text.isEmpty() || !text.get().isBlank()) {
            return Optional.empty();
        }
        FieldSpec field = area.field(key);
        return Optional.of(field.label() + " @" + new WordRange(area.base() + field.offset(), field.words())
                + " is empty");
    }
}
