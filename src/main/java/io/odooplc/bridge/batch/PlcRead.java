package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.odooplc.bridge.ops.BridgeMetrics;
import io.odooplc.bridge.ops.TaskCounts;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.SlotCodec;
import io.odooplc.bridge.plc.WordRange;
import io.odooplc.bridge.plcio.PlcWrites;
import io.odooplc.bridge.plcio.WriteAreaState;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 2's decisions, between the steps of routes/task2-plc-read.camel.yaml that read the PLC and the database: it
 * decodes and checks every READ slot, decides from each slot and the batch rows what changes (one guarded statement
 * per batch, run by the route), checks each statement's update count, and returns the READ handshake writes
 * (status_read_data = 1) for the batches whose COMPLETED state is committed. Legacy plant-contract §1.5 with its
 * failures fixed: a slot is matched by slot AND MO name only; a rejected value is logged, counted and left out while
 * the slot's other values still count; a COMPLETED batch is never overwritten (plant-contract #12); the last
 * successful read is recorded on every cycle, changed or not (plant-contract #29). A WRITTEN or RUNNING batch the PLC
 * holds in neither its WRITE nor its READ slot is marked missing, never written again here (plant-contract #33).
 */
public final class PlcRead {

    /** Exchange property: the decoded READ slots of this cycle. */
    public static final String SLOTS = "bridgeReadSlots";
    /** Exchange property: the WRITE area, read only when a written or running batch is not in its READ slot. */
    public static final String WRITE_AREA = "bridgeWriteArea";
    /** Header: the batch rows the route selected for this cycle. */
    public static final String BATCHES = "batches";
    private static final String ACKS = "bridgeReadAcks";

    private static final Logger LOG = LoggerFactory.getLogger(PlcRead.class);
    private static final ObjectMapper JSON = BatchJson.MAPPER;

    private final MemoryMap map;
    private final SlotCodec codec;
    private final PlcWrites writes;
    private final BridgeMetrics metrics;

    public PlcRead(MemoryMap map, PlcWrites writes, BridgeMetrics metrics) {
        this.map = map;
        this.codec = new SlotCodec(map);
        this.writes = writes;
        this.metrics = metrics;
    }

    /** A batch row as the route selected it. */
    private record Batch(long id, String mo, int slot, BatchState state, boolean plcFailed, BigDecimal weightKg,
                         Map<Integer, BigDecimal> actuals, boolean missing) {

        static Batch of(Map<String, Object> row) {
            Map<Integer, BigDecimal> actuals;
            try {
                actuals = JSON.readValue((String) row.get("actuals_kg"), new TypeReference<Map<Integer, BigDecimal>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("actuals of batch " + row.get("id") + " unreadable", e);
            }
            return new Batch(((Number) row.get("id")).longValue(), (String) row.get("mo_name"),
                    ((Number) row.get("slot")).intValue(), BatchState.valueOf((String) row.get("state")),
                    Boolean.TRUE.equals(row.get("plc_failed")), (BigDecimal) row.get("actual_weight_kg"),
                    new HashMap<>(actuals), Boolean.TRUE.equals(row.get("missing")));
        }

        String describe() {
            return "batch " + id + " " + mo + " (slot " + slot + ", " + state + ")";
        }
    }

    /** What a READ slot says about a written or running batch of that slot. */
    private enum Shown { YES, NO, UNKNOWN }

    /**
     * Decodes every READ slot, logs and counts the rejected values, and leaves the MO names the slots show in the
     * {@code moNames} header (JSON text) for the route's select.
     *
     * @param words the words of every READ slot, as the READ cycle assembled them
     */
    public List<SlotValues> decode(Map<WordRange, int[]> words, Exchange exchange) throws JsonProcessingException {
        List<SlotValues> slots = new ArrayList<>();
        int rejected = 0;
        int idle = 0;
        for (int slot = 1; slot <= map.readArea().count(); slot++) {
            int[] slotWords = words.get(map.readArea().range(slot));
            SlotValues values = SlotValues.of(codec.decode(slot, slotWords), slotWords, map);
            for (SlotValues.Rejection rejection : values.rejections()) {
                LOG.warn("rejected {}", rejection.description());
                Counter.builder("bridge_rejected_values_total").tag("field", rejection.field())
                        .register(metrics.registry()).increment();
                rejected++;
            }
            idle += values.idle() ? 1 : 0;
            slots.add(values);
        }
        TaskCounts.put(exchange, "slots", slots.size());
        for (String count : List.of("matched", "updated", "running", "completed", "failed")) {
            TaskCounts.put(exchange, count, 0);
        }
        TaskCounts.put(exchange, "rejected", rejected);
        TaskCounts.put(exchange, "skipped_other_mo", 0);
        TaskCounts.put(exchange, "idle", idle);
        TaskCounts.put(exchange, "missing", 0);
        exchange.setProperty(SLOTS, slots);
        exchange.setProperty(ACKS, new ArrayList<Integer>());
        exchange.getMessage().setHeader("moNames", JSON.writeValueAsString(
                slots.stream().flatMap(s -> s.mo().stream()).toList()));
        return slots;
    }

    /** True when a written or running batch is not in its READ slot: then the route reads the WRITE area too. */
    public boolean unseen(@Header(BATCHES) List<Map<String, Object>> rows,
            @ExchangeProperty(SLOTS) List<SlotValues> slots) {
        return rows.stream().map(Batch::of).anyMatch(b -> onPlcNow(b) && shown(b, slots) == Shown.NO);
    }

    /**
     * One change per batch this cycle touches, each a map of the named parameters of its statement in the route:
     * {@code kind} READ (values, state, last read), MISSING or PRESENT; READ handshake acks for SYNCED batches that
     * need none go straight to the ack list.
     */
    public List<Map<String, Object>> decide(@Header(BATCHES) List<Map<String, Object>> rows,
            @ExchangeProperty(SLOTS) List<SlotValues> slots, @ExchangeProperty(WRITE_AREA) WriteAreaState area,
            @ExchangeProperty(ACKS) List<Integer> acks, Exchange exchange) throws JsonProcessingException {
        Map<String, Batch> byMo = new LinkedHashMap<>();
        rows.stream().map(Batch::of).forEach(b -> byMo.put(b.mo(), b));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (SlotValues values : slots) {
            if (values.trusted()) {
                read(values, byMo, acks, exchange).ifPresent(changes::add);
            }
        }
        for (Batch batch : byMo.values()) {
            if (onPlcNow(batch) && shown(batch, slots) == Shown.NO && area != null) {
                presence(batch, area, exchange).ifPresent(changes::add);
            }
        }
        return changes;
    }

    private Optional<Map<String, Object>> read(SlotValues values, Map<String, Batch> byMo, List<Integer> acks,
            Exchange exchange) throws JsonProcessingException {
        int slot = values.slot();
        String mo = values.mo().orElseThrow();
        Batch batch = byMo.get(mo);
        boolean matching = batch != null && batch.slot() == slot && (onPlcNow(batch)
                || batch.state() == BatchState.COMPLETED || batch.state() == BatchState.SYNCED);
        if (!matching) {
            TaskCounts.increment(exchange, "skipped_other_mo");
            LOG.warn("READ slot {} shows MO {}, which is not an active batch of slot {} ({}); slot skipped",
                    slot, mo, slot, batch != null && batch.slot() == slot ? "batch is " + batch.state()
                            : writtenOrRunningIn(slot, byMo));
            return Optional.empty();
        }
        boolean finished = values.finished().orElse(false);
        boolean unacknowledged = values.readAcknowledged().equals(Optional.of(false));
        if (batch.state() == BatchState.SYNCED) {
            if (finished && unacknowledged) {
                acks.add(slot);
            }
            return Optional.empty();
        }
        TaskCounts.increment(exchange, "matched");
        Map<String, Object> change = change("READ", batch);
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> actuals = new ArrayList<>();
        BatchState state = batch.state();
        BigDecimal weight = null;
        String failure = null;
        if (onPlcNow(batch)) {
            for (Map.Entry<Integer, BigDecimal> reading : values.consumptionKg().entrySet()) {
                int equipment = reading.getKey();
                BigDecimal kg = reading.getValue();
                boolean planned = batch.actuals().containsKey(equipment);
                BigDecimal current = batch.actuals().get(equipment);
                // Not in the recipe, yet the PLC dosed it: kept, with nothing planned.
                if (planned ? current == null || current.compareTo(kg) != 0 : kg.signum() > 0) {
                    actuals.add(Map.of("equipment_id", equipment, "equipment_code", map.equipment(equipment).code(),
                            "actual_kg", kg));
                }
            }
            if (values.weightKg().isPresent()
                    && (batch.weightKg() == null || batch.weightKg().compareTo(values.weightKg().get()) != 0)) {
                weight = values.weightKg().get();
            }
            if (state == BatchState.WRITTEN) {
                events.add(event(BatchState.WRITTEN, BatchState.RUNNING, "READ slot " + slot + " shows the batch"));
                state = BatchState.RUNNING;
            }
            if (finished) {
                events.add(event(BatchState.RUNNING, BatchState.COMPLETED,
                        "PLC reports status manufaturing = 1 in READ slot " + slot));
                state = BatchState.COMPLETED;
            } else if (values.failed().orElse(false) && !batch.plcFailed()) {
                // The batch keeps its state: task 3's auto-cancel cancels the MO in Odoo and then moves the batch
                // to CANCELLED, so the Odoo call and the state change stay together in one place.
                failure = "PLC reported Status Operation = 1 (batch failed) in READ slot " + slot;
            }
        }
        change.put("to", state.name());
        change.put("actuals", JSON.writeValueAsString(actuals));
        change.put("events", JSON.writeValueAsString(events));
        change.put("weightKg", weight);
        change.put("failureReason", failure);
        change.put("changed", !actuals.isEmpty() || weight != null);
        change.put("ack", state == BatchState.COMPLETED && finished && unacknowledged);
        return Optional.of(change);
    }

    /** A written or running batch its READ slot does not show: is it still in its WRITE slot? */
    private Optional<Map<String, Object>> presence(Batch batch, WriteAreaState area, Exchange exchange) {
        if (batch.mo().equals(area.moNames().get(batch.slot()))) {
            return batch.missing() ? Optional.of(change("PRESENT", batch)) : Optional.empty();
        }
        TaskCounts.increment(exchange, "missing");
        return batch.missing() ? Optional.empty() : Optional.of(change("MISSING", batch));
    }

    /**
     * After a change's statement: one row changed means it happened; none means the batch left the state this cycle
     * saw (an operator's cancel or requeue, another bridge instance), so nothing else is done for it.
     */
    public void recorded(@Body Map<String, Object> change, @Header(SqlConstants.SQL_UPDATE_COUNT) int updated,
            @ExchangeProperty(ACKS) List<Integer> acks, Exchange exchange) {
        String batch = (String) change.get("batch");
        if (updated == 0) {
            LOG.warn("{} changed meanwhile (no longer {}): left as it is", batch, change.get("from"));
            return;
        }
        switch ((String) change.get("kind")) {
            case "READ" -> {
                if (Boolean.TRUE.equals(change.get("changed"))) {
                    TaskCounts.increment(exchange, "updated");
                }
                String from = (String) change.get("from");
                String to = (String) change.get("to");
                if (from.equals("WRITTEN")) {
                    TaskCounts.increment(exchange, "running");
                    LOG.info("MO {} running in READ slot {}", change.get("mo"), change.get("slot"));
                }
                if (to.equals("COMPLETED") && !from.equals("COMPLETED")) {
                    TaskCounts.increment(exchange, "completed");
                    LOG.info("MO {} completed in READ slot {}", change.get("mo"), change.get("slot"));
                }
                if (change.get("failureReason") != null) {
                    TaskCounts.increment(exchange, "failed");
                    LOG.warn("MO {} failed on the PLC (Status Operation = 1 in READ slot {}); marked plc_failed",
                            change.get("mo"), change.get("slot"));
                }
                if (Boolean.TRUE.equals(change.get("ack"))) {
                    acks.add((Integer) change.get("slot"));
                }
            }
            case "MISSING" -> LOG.warn("{}: the PLC holds it in neither WRITE slot {} nor READ slot {} (PLC cold"
                    + " start or program download?). Not written again by itself: if the PLC did not produce it, an"
                    + " operator requeues it (POST /api/batches/{}/requeue)", batch, change.get("slot"),
                    change.get("slot"), change.get("id"));
            case "PRESENT" -> LOG.info("{} is back in WRITE slot {}", batch, change.get("slot"));
            default -> throw new IllegalArgumentException("unknown change " + change.get("kind"));
        }
    }

    /** The READ handshake: status_read_data = 1 for each finished batch now stored, once its statement committed. */
    public Map<String, Map<String, Object>> acks(@ExchangeProperty(ACKS) List<Integer> acks, Exchange exchange) {
        TaskCounts.put(exchange, "acked", acks.size());
        return writes.body(acks.stream()
                .map(slot -> new PlcWrites.Block(new WordRange(map.slotFlagAddress(map.readArea(), slot), 1),
                        new int[] {1}))
                .toList());
    }

    private static boolean onPlcNow(Batch batch) {
        return batch.state() == BatchState.WRITTEN || batch.state() == BatchState.RUNNING;
    }

    /** Only a trusted or idle slot tells: a slot whose identity was rejected may belong to a torn frame. */
    private static Shown shown(Batch batch, List<SlotValues> slots) {
        if (batch.slot() > slots.size()) {
            return Shown.UNKNOWN;
        }
        SlotValues values = slots.get(batch.slot() - 1);
        if (values.idle()) {
            return Shown.NO;
        }
        return values.mo().map(mo -> mo.equals(batch.mo()) ? Shown.YES : Shown.NO).orElse(Shown.UNKNOWN);
    }

    private static String writtenOrRunningIn(int slot, Map<String, Batch> byMo) {
        return byMo.values().stream().filter(b -> b.slot() == slot && onPlcNow(b)).findFirst()
                .map(b -> "the batch there is " + b.mo() + " " + b.state())
                .orElse("no written or running batch there");
    }

    private static Map<String, Object> change(String kind, Batch batch) {
        Map<String, Object> change = new HashMap<>();
        change.put("kind", kind);
        change.put("id", batch.id());
        change.put("from", batch.state().name());
        change.put("mo", batch.mo());
        change.put("slot", batch.slot());
        change.put("batch", batch.describe());
        return change;
    }

    private static Map<String, Object> event(BatchState from, BatchState to, String note) {
        return Map.of("from_state", from.name(), "to_state", to.name(), "note", note);
    }
}
