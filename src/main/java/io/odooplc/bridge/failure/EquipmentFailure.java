package io.odooplc.bridge.failure;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.odooplc.bridge.batch.RetryBackoff;
import io.odooplc.bridge.config.Values;
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
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 5's decisions, legacy §1.8 with #19 and #20 fixed; its SQL is in the route. {@link #take} decodes the event
 * the PLC shows in its failure area; the route stores it, and only then {@link #stored} hands back the
 * acknowledgement (D8022 = 1) to write, so an event is never acknowledged and lost. An event
 * with a time that is not a real date, or without equipment code or text, is neither stored nor acknowledged: the PLC
 * keeps showing it and every run logs which words are wrong. {@link #recordReport} decides from Odoo's answer what
 * happens to each stored failure; one Odoo could not take is offered again after a backoff until Odoo takes or rejects it.
 * With ODOO_FAILURE_REPORTS=false nothing is reported ({@link #reportsToOdoo}).
 */
public class EquipmentFailure {

    /** Exchange property holding the {@link PendingFailure} a split step reports. */
    public static final String FAILURE = "failure";

    private static final Logger LOG = LoggerFactory.getLogger(EquipmentFailure.class);
    private static final String EVENT = "bridgeFailureEvent";
    /** INFO texts the PLC program writes when there is no failure (legacy §1.8 step 2): nothing to store or ack. */
    private static final Set<String> NO_FAILURE = Set.of("0", "NONE", "NO_FAILURE", "NO ERROR", "NO_ERROR");

    /** A failure event as stored: what the PLC showed, decoded and checked. */
    public record Event(String equipmentCode, String description, LocalDateTime at) {
        @Override
        public String toString() {
            return equipmentCode + " " + description + " at " + at;
        }
    }

    private final FailureArea area;
    private final FailureCodec codec;
    private final int ackAddress;
    private final PlcWrites writes;
    private final OdooClient odoo;
    private final RetryBackoff backoff;
    private final boolean reports;
    private final AtomicBoolean reportsOffSaid = new AtomicBoolean();

    /** {@code reports}: ODOO_FAILURE_REPORTS. */
    public EquipmentFailure(MemoryMap map, PlcWrites writes, OdooClient odoo, RetryBackoff backoff, boolean reports) {
        this.area = map.failureArea();
        this.codec = new FailureCodec(map);
        this.ackAddress = map.handshake().failureAck();
        this.writes = writes;
        this.odoo = odoo;
        this.backoff = backoff;
        this.reports = reports;
    }

    /** The failure area's range, for the planned read. */
    public static List<WordRange> ranges(MemoryMap map) {
        return List.of(map.failureArea().range());
    }

    /**
     * Decodes the failure area: the new, valid event to store, or null when there is nothing to store or acknowledge
     * (idle area, event already acknowledged, event rejected).
     */
    public Event take(Map<WordRange, int[]> words, Exchange exchange) {
        for (String count : List.of("read", "stored", "duplicate", "rejected", "acked", "reported", "report_failed",
                "report_rejected", "deferred")) {
            TaskCounts.put(exchange, count, 0);
        }
        int[] raw = words.get(area.range());
        FailureReport report = codec.decode(raw);
        if (report.idle() || report.statusReadData().orElse(false) || saysNoFailure(report)) {
            return null;
        }
        TaskCounts.put(exchange, "read", 1);
        List<String> reasons = reasons(report);
        if (!reasons.isEmpty()) {
            TaskCounts.put(exchange, "rejected", 1);
            LOG.warn("failure event rejected, not stored and not acknowledged (D8022 stays 0): {}; raw {} {}",
                    String.join("; ", reasons), area.range(), Words.describe(raw));
            return null;
        }
        Event event = new Event(report.equipmentCode().orElseThrow().strip(), report.info().orElseThrow().strip(),
                report.occurredAt().orElseThrow());
        exchange.setProperty(EVENT, event);
        return event;
    }

    /**
     * After the insert ({@code on conflict do nothing}): one row means a new event, none one already stored. Either
     * way it is stored now, so the acknowledgement (D8022 = 1) goes back to the PLC.
     */
    public Map<String, Map<String, Object>> stored(@ExchangeProperty(EVENT) Event event,
            @Header(SqlConstants.SQL_UPDATE_COUNT) int inserted, Exchange exchange) {
        if (inserted == 1) {
            TaskCounts.put(exchange, "stored", 1);
            LOG.info("failure {} stored", event);
        } else {
            // The PLC shows an event until it sees D8022 = 1: the last acknowledgement did not reach it.
            TaskCounts.put(exchange, "duplicate", 1);
            LOG.info("failure {} shown again, already stored; acknowledging it again", event);
        }
        return writes.body(List.of(new PlcWrites.Block(new WordRange(ackAddress, 1), new int[] {1})));
    }

    /** Called once the PLC has accepted the acknowledgement write. */
    public void acknowledged(@ExchangeProperty(EVENT) Event event, Exchange exchange) {
        TaskCounts.put(exchange, "acked", 1);
        LOG.info("failure {} acknowledged on the PLC ({} = 1)", event, Words.dm(ackAddress));
    }

    /**
     * Whether this run reports stored failures to Odoo (ODOO_FAILURE_REPORTS). Off, the first run after start says so
     * once, not every run: the failures stay PENDING, so switching reports on later sends them, oldest first.
     */
    public boolean reportsToOdoo() {
        if (!reports && reportsOffSaid.compareAndSet(false, true)) {
            LOG.info("failure reports to Odoo are off (ODOO_FAILURE_REPORTS=false): failures are stored and "
                    + "acknowledged, not reported; with ODOO_FAILURE_REPORTS=true the stored ones are reported");
        }
        return reports;
    }

    /** Before the reports: a run without Odoo settings fails here with a clear message. */
    public void odooConfigured() {
        odoo.ensureConfigured();
    }

    /** A row of the due-failures query as the split step's {@link PendingFailure}. */
    public PendingFailure pending(Map<String, Object> row) {
        return new PendingFailure(((Number) row.get("id")).longValue(), (String) row.get("equipment_code"),
                (String) row.get("description"), ((Timestamp) row.get("failure_at")).toLocalDateTime(),
                ((Number) row.get("odoo_attempts")).intValue());
    }

    /**
     * Odoo's answer decides the row, returned as what the route does: SENT; REJECTED for good (e.g. unknown equipment
     * code); DEFERRED while the circuit is open (nothing was sent, nothing changes); otherwise RETRY after the backoff
     * (header {@code retrySeconds}, the error in {@code error}), with no attempt limit, because a failure report must
     * reach Odoo in the end (plant-contract #19).
     */
    public String recordReport(@ExchangeProperty(FAILURE) PendingFailure failure, OdooReply reply, Exchange exchange) {
        String what = failure.equipmentCode() + " " + failure.description() + " at " + failure.failureAt();
        int attempt = failure.attempts() + 1;
        Message out = exchange.getMessage();
        // PARTIAL is status success with an "errors" list: Odoo created the report, so sending it again would
        // create a second one.
        if (reply.isSuccess() || reply.outcome() == OdooReply.Outcome.PARTIAL) {
            TaskCounts.increment(exchange, "reported");
            LOG.info("failure {} reported to Odoo (attempt {}){}", what, attempt,
                    reply.isSuccess() ? "" : ", with remarks: " + reply.message());
            return "SENT";
        }
        if (reply.isRejected()) {
            out.setHeader("error", "Odoo rejected the report: " + reply.message());
            TaskCounts.increment(exchange, "report_rejected");
            LOG.warn("failure {} REJECTED by Odoo, not offered again: {}", what, reply.message());
            return "REJECTED";
        }
        if (reply.isCircuitOpen()) {
            TaskCounts.increment(exchange, "deferred");
            LOG.info("failure {} not reported yet: {}", what, reply.message());
            return "DEFERRED";
        }
        Duration wait = backoff.after(attempt);
        out.setHeader("error", reply.message());
        out.setHeader("retrySeconds", wait.toMillis() / 1000.0);
        TaskCounts.increment(exchange, "report_failed");
        LOG.warn("failure {} not reported (attempt {}), next try in {}: {}", what, attempt, Values.format(wait),
                reply.message());
        return "RETRY";
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
