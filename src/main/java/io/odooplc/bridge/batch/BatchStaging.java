package io.odooplc.bridge.batch;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Task 1's database side: whether the PLC queue is free, which MOs the bridge already holds, staging new batches
 * into PLC slots 1..N, and marking them WRITTEN once the PLC has them, each in one transaction.
 */
public class BatchStaging {

    /** What the queue holds, for task 1's decision. */
    public record Queue(List<StagedBatch> staged, int onPlc) {
        /** True when the PLC still has batches to run or report: task 1 waits. */
        public boolean busy() {
            return onPlc > 0;
        }
    }

    /** A staged batch: its row, its slot and what goes into the recipe. */
    public record StagedBatch(long id, int slot, PlannedBatch plan) {
    }

    private final DataSource dataSource;

    public BatchStaging(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Queue queue() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int onPlc;
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from batch where state in ('WRITTEN', 'RUNNING', 'COMPLETED')");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                onPlc = rs.getInt(1);
            }
            return new Queue(staged(c), onPlc);
        }
    }

    private List<StagedBatch> staged(Connection c) throws SQLException {
        List<StagedBatch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, slot, mo_name, product_name, target_qty_kg, mo_equipment_code from batch"
                        + " where state = 'STAGED' order by slot");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.add(new StagedBatch(id, rs.getInt("slot"), new PlannedBatch(rs.getString("mo_name"),
                        rs.getString("product_name"), rs.getBigDecimal("target_qty_kg"),
                        rs.getString("mo_equipment_code"), components(c, id), List.of())));
            }
        }
        return out;
    }

    private static List<PlannedBatch.Component> components(Connection c, long batchId) throws SQLException {
        List<PlannedBatch.Component> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select equipment_id, equipment_code, product_name, planned_kg"
                + " from batch_component where batch_id = ? order by equipment_id")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlannedBatch.Component(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4)));
                }
            }
        }
        return out;
    }

    /** The names among {@code moNames} the bridge already holds, in any state (plant-contract #23: never produce twice). */
    public Set<String> held(Collection<String> moNames) throws SQLException {
        Set<String> held = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select mo_name from batch where mo_name = any (?)")) {
            Array names = c.createArrayOf("varchar", moNames.toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        }
        return held;
    }

    /** Stages the batches into slots 1..N in one transaction; the unique constraints refuse a duplicate MO or slot. */
    public List<StagedBatch> stage(List<PlannedBatch> plans) throws SQLException {
        List<StagedBatch> staged = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int slot = 1;
                for (PlannedBatch plan : plans) {
                    long id = insert(c, plan, slot);
                    BatchTransitions.created(c, id, BatchState.STAGED, "fetched from Odoo into slot " + slot);
                    staged.add(new StagedBatch(id, slot, plan));
                    slot++;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return staged;
    }

    private static long insert(Connection c, PlannedBatch plan, int slot) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into batch (mo_name, slot, state, product_name,"
                + " target_qty_kg, mo_equipment_code) values (?, ?, 'STAGED', ?, ?, ?) returning id")) {
            ps.setString(1, plan.moName());
            ps.setInt(2, slot);
            ps.setString(3, plan.productName());
            ps.setBigDecimal(4, plan.targetKg());
            ps.setString(5, plan.moEquipmentCode());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into batch_component (batch_id, equipment_id,"
                + " equipment_code, product_name, planned_kg) values (?, ?, ?, ?, ?)")) {
            for (PlannedBatch.Component comp : plan.components()) {
                ps.setLong(1, id);
                ps.setInt(2, comp.equipmentId());
                ps.setString(3, comp.equipmentCode());
                ps.setString(4, comp.productName());
                ps.setBigDecimal(5, comp.plannedKg());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** STAGED -> WRITTEN for all of them in one transaction; fails as a whole if any batch moved meanwhile. */
    public void markWritten(List<StagedBatch> batches, String note) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (StagedBatch b : batches) {
                    if (!BatchTransitions.move(c, b.id(), BatchState.STAGED, BatchState.WRITTEN, note)) {
                        throw new IllegalStateException("batch " + b.id() + " " + b.plan().moName()
                                + " is no longer STAGED: nothing marked WRITTEN");
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
