package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.odooplc.bridge.ops.BridgeMetrics;
import io.odooplc.bridge.ops.TaskCounts;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.SlotCodec;
import io.odooplc.bridge.plc.WordRange;
import io.odooplc.bridge.plcio.PlcWrites;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 2 after a complete READ cycle: decodes and checks every READ slot, brings the matching batches up to date in
 * one transaction, and returns the READ handshake writes (status_read_data = 1) to send once that transaction is
 * committed. Legacy §1.5 with its failures fixed: a slot is matched by slot AND MO name only; a rejected value is
 * logged, counted and left out while the slot's other values still count; a COMPLETED batch is never overwritten
 * (plant-contract #12); the last successful read is recorded on every cycle, changed or not (plant-contract #29).
 */
public final class PlcReadSync {

    private static final Logger LOG = LoggerFactory.getLogger(PlcReadSync.class);
    private static final String P = "[task2-plc-read] ";
    /** States a READ slot can show: written or running on the PLC, finished there, or already posted to Odoo. */
    private static final Set<BatchState> MATCHING = EnumSet.of(BatchState.WRITTEN, BatchState.RUNNING,
            BatchState.COMPLETED, BatchState.SYNCED);

    private final DataSource dataSource;
    private final MemoryMap map;
    private final SlotCodec codec;
    private final PlcWrites writes;
    private final BridgeMetrics metrics;

    public PlcReadSync(DataSource dataSource, MemoryMap map, PlcWrites writes, BridgeMetrics metrics) {
        this.dataSource = dataSource;
        this.map = map;
        this.codec = new SlotCodec(map);
        this.writes = writes;
        this.metrics = metrics;
    }

    /** A batch that may be matched to a READ slot. */
    private record Batch(long id, String mo, int slot, BatchState state, boolean plcFailed, BigDecimal weightKg) {
    }

    private static final class Counts {
        int idle;
        int matched;
        int updated;
        int running;
        int completed;
        int failed;
        int rejected;
        int skippedOtherMo;
        int acked;
    }

    /** @param words the words of every READ slot, as the READ cycle assembled them */
    public Map<String, Map<String, Object>> apply(Map<WordRange, int[]> words, Exchange exchange) throws SQLException {
        Counts counts = new Counts();
        List<SlotValues> slots = new ArrayList<>();
        for (int slot = 1; slot <= map.readArea().count(); slot++) {
            int[] slotWords = words.get(map.readArea().range(slot));
            SlotValues values = SlotValues.of(codec.decode(slot, slotWords), slotWords, map);
            reject(values, counts);
            slots.add(values);
        }
        List<Integer> acks = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (SlotValues values : slots) {
                    if (values.idle()) {
                        counts.idle++;
                    } else if (values.trusted()) {
                        sync(c, values, counts, acks);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        counts.acked = acks.size();
        TaskCounts.put(exchange, "slots", slots.size());
        TaskCounts.put(exchange, "matched", counts.matched);
        TaskCounts.put(exchange, "updated", counts.updated);
        TaskCounts.put(exchange, "running", counts.running);
        TaskCounts.put(exchange, "completed", counts.completed);
        TaskCounts.put(exchange, "failed", counts.failed);
        TaskCounts.put(exchange, "rejected", counts.rejected);
        TaskCounts.put(exchange, "skipped_other_mo", counts.skippedOtherMo);
        TaskCounts.put(exchange, "idle", counts.idle);
        TaskCounts.put(exchange, "acked", counts.acked);
        List<PlcWrites.Block> blocks = acks.stream()
                .map(slot -> new PlcWrites.Block(new WordRange(map.slotFlagAddress(map.readArea(), slot), 1),
                        new int[] {1}))
                .toList();
        return writes.body(blocks);
    }

    private void reject(SlotValues values, Counts counts) {
        for (SlotValues.Rejection rejection : values.rejections()) {
            LOG.warn(P + "rejected {}", rejection.description());
            Counter.builder("bridge_rejected_values_total").tag("field", rejection.field())
                    .register(metrics.registry()).increment();
            counts.rejected++;
        }
    }

    private void sync(Connection c, SlotValues values, Counts counts, List<Integer> acks) throws SQLException {
        int slot = values.slot();
        String mo = values.mo().orElseThrow();
        Optional<Batch> found = find(c, mo).filter(b -> b.slot() == slot);
        if (found.isEmpty() || !MATCHING.contains(found.get().state())) {
            counts.skippedOtherMo++;
            LOG.warn(P + "READ slot {} shows MO {}, which is not an active batch of slot {} ({}); slot skipped",
                    slot, mo, slot, found.map(b -> "batch is " + b.state()).orElse(activeIn(c, slot)));
            return;
        }
        Batch batch = found.get();
        boolean finished = values.finished().orElse(false);
        if (batch.state() == BatchState.SYNCED) {
            ackIfFinished(values, finished, acks);
            return;
        }
        counts.matched++;
        BatchState state = batch.state();
        boolean changed = false;
        if (state == BatchState.WRITTEN || state == BatchState.RUNNING) {
            changed = updateValues(c, batch, values);
            if (changed) {
                counts.updated++;
            }
            if (state == BatchState.WRITTEN && BatchTransitions.move(c, batch.id(), BatchState.WRITTEN,
                    BatchState.RUNNING, "READ slot " + slot + " shows the batch")) {
                state = BatchState.RUNNING;
                counts.running++;
                LOG.info(P + "MO {} running in READ slot {}", mo, slot);
            }
            boolean plcFailed = values.failed().orElse(false);
            if (finished) {
                if (BatchTransitions.move(c, batch.id(), BatchState.RUNNING, BatchState.COMPLETED,
                        "PLC reports status manufaturing = 1 in READ slot " + slot)) {
                    state = BatchState.COMPLETED;
                    counts.completed++;
                    LOG.info(P + "MO {} completed in READ slot {}", mo, slot);
                }
            } else if (plcFailed && !batch.plcFailed()) {
                // The batch keeps its state: task 3's auto-cancel cancels the MO in Odoo and then moves the batch
                // to CANCELLED, so the Odoo call and the state change stay together in one place.
                markFailed(c, batch.id(), slot);
                counts.failed++;
                LOG.warn(P + "MO {} failed on the PLC (Status Operation = 1 in READ slot {}); marked plc_failed", mo,
                        slot);
            }
        }
        recordRead(c, batch.id(), changed);
        if (state == BatchState.COMPLETED) {
            ackIfFinished(values, finished, acks);
        }
    }

    /** READ handshake: the bridge acknowledges a finished batch once it is in the database (flag still 0). */
    private static void ackIfFinished(SlotValues values, boolean finished, List<Integer> acks) {
        if (finished && values.readAcknowledged().equals(Optional.of(false))) {
            acks.add(values.slot());
        }
    }

    private boolean updateValues(Connection c, Batch batch, SlotValues values) throws SQLException {
        boolean changed = false;
        Map<Integer, BigDecimal> actuals = actuals(c, batch.id());
        for (Map.Entry<Integer, BigDecimal> reading : values.consumptionKg().entrySet()) {
            int equipment = reading.getKey();
            BigDecimal kg = reading.getValue();
            if (actuals.containsKey(equipment)) {
                BigDecimal current = actuals.get(equipment);
                if (current == null || current.compareTo(kg) != 0) {
                    updateActual(c, batch.id(), equipment, kg);
                    changed = true;
                }
            } else if (kg.signum() > 0) {
                // Not in the recipe, yet the PLC dosed it: keep it, with nothing planned.
                insertActual(c, batch.id(), equipment, kg);
                changed = true;
            }
        }
        if (values.weightKg().isPresent()
                && (batch.weightKg() == null || batch.weightKg().compareTo(values.weightKg().get()) != 0)) {
            try (PreparedStatement ps = c.prepareStatement("update batch set actual_weight_kg = ? where id = ?")) {
                ps.setBigDecimal(1, values.weightKg().get());
                ps.setLong(2, batch.id());
                ps.executeUpdate();
            }
            changed = true;
        }
        return changed;
    }

    private static Optional<Batch> find(Connection c, String mo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, mo_name, slot, state, plc_failed, actual_weight_kg "
                + "from batch where mo_name = ? for update")) {
            ps.setString(1, mo);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Batch(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        BatchState.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getBigDecimal(6)));
            }
        }
    }

    private static String activeIn(Connection c, int slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select mo_name, state from batch where slot = ? and state in "
                + BatchState.ACTIVE_SQL)) {
            ps.setInt(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? "the active batch there is " + rs.getString(1) + " " + rs.getString(2)
                        : "no active batch there";
            }
        }
    }

    private static Map<Integer, BigDecimal> actuals(Connection c, long batchId) throws SQLException {
        Map<Integer, BigDecimal> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select equipment_id, actual_kg from batch_component where batch_id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getBigDecimal(2));
                }
            }
        }
        return out;
    }

    private static void updateActual(Connection c, long batchId, int equipment, BigDecimal kg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update batch_component set actual_kg = ? where batch_id = ? and equipment_id = ?")) {
            ps.setBigDecimal(1, kg);
            ps.setLong(2, batchId);
            ps.setInt(3, equipment);
            ps.executeUpdate();
        }
    }

    private void insertActual(Connection c, long batchId, int equipment, BigDecimal kg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into batch_component "
                + "(batch_id, equipment_id, equipment_code, planned_kg, actual_kg) values (?, ?, ?, 0, ?)")) {
            ps.setLong(1, batchId);
            ps.setInt(2, equipment);
            ps.setString(3, map.equipment(equipment).code());
            ps.setBigDecimal(4, kg);
            ps.executeUpdate();
        }
    }

    private static void markFailed(Connection c, long batchId, int slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update batch set plc_failed = true, failure_reason = ? where id = ?")) {
            ps.setString(1, "PLC reported Status Operation = 1 (batch failed) in READ slot " + slot);
            ps.setLong(2, batchId);
            ps.executeUpdate();
        }
    }

    private static void recordRead(Connection c, long batchId, boolean changed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update batch set last_plc_read_at = now()"
                + (changed ? ", last_plc_change_at = now()" : "") + " where id = ?")) {
            ps.setLong(1, batchId);
            ps.executeUpdate();
        }
    }
}
