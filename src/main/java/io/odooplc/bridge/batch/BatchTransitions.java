package io.odooplc.bridge.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one way a batch changes state: a conditional UPDATE ({@code ... where state = <expected>}) plus a row in
 * {@code batch_event}, on the caller's connection so it joins the caller's transaction. A transition whose batch is
 * no longer in the expected state changes nothing and returns false: two writers can never both move a batch.
 */
public final class BatchTransitions {

    private BatchTransitions() {
    }

    public static boolean move(Connection c, long batchId, BatchState from, BatchState to, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update batch set state = ?, state_changed_at = now() where id = ? and state = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, batchId);
            ps.setString(3, from.name());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        record(c, batchId, from, to, note);
        return true;
    }

    /** Records a new batch's first state (the row was just inserted in that state). */
    public static void created(Connection c, long batchId, BatchState state, String note) throws SQLException {
        record(c, batchId, null, state, note);
    }

    private static void record(Connection c, long batchId, BatchState from, BatchState to, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into batch_event (batch_id, from_state, to_state, note) values (?, ?, ?, ?)")) {
            ps.setLong(1, batchId);
            ps.setString(2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setString(4, note);
            ps.executeUpdate();
        }
    }
}
