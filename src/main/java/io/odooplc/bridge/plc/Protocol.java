package io.odooplc.bridge.plc;

/** Wire protocols the bridge can reach the PLC with; their frame limits come from the memory map. */
public enum Protocol {
    MODBUS,
    FINS
}
