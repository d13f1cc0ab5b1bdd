package io.odooplc.bridge.batch;

import java.util.EnumSet;
import java.util.Set;

/**
 * A batch's place in its life: {@code STAGED -> WRITTEN -> RUNNING -> COMPLETED -> SYNCED}, with the side exits
 * {@code CANCELLED} and {@code NEEDS_ATTENTION}.
 */
public enum BatchState {
    STAGED, WRITTEN, RUNNING, COMPLETED, SYNCED, CANCELLED, NEEDS_ATTENTION;

    /** States that hold a PLC slot and keep task 1 from fetching new MOs. */
    public static final Set<BatchState> ACTIVE = EnumSet.of(STAGED, WRITTEN, RUNNING, COMPLETED);

    /** SQL list of the active states, for {@code state in (...)} clauses. */
    public static final String ACTIVE_SQL = "('STAGED', 'WRITTEN', 'RUNNING', 'COMPLETED')";

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
