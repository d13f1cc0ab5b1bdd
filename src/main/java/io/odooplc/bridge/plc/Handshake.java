package io.odooplc.bridge.plc;

/**
 * Handshake flag addresses.
 *
 * @param writeReadyFlag DM address the PLC sets to 1 once it has taken the recipes (legacy D7076)
 * @param slotFlagKey    key of the per-slot status_read_data field (base+76 in READ and WRITE slots)
 * @param failureAck     DM address the middleware sets to 1 after persisting a failure event (legacy D8022)
 */
public record Handshake(int writeReadyFlag, String slotFlagKey, int failureAck) {
}
