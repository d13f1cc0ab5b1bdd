package io.odooplc.bridge.plc;

import java.util.Locale;

/** Wire protocols the bridge can reach the PLC with; their frame limits come from the memory map. */
public enum Protocol {
    MODBUS,
    FINS;

    /** The protocol of a PLC4X connection string, from its protocol code ({@code modbus-tcp://}, {@code fins:udp://}). */
    public static Protocol ofPlcUrl(String plcUrl) {
        int colon = plcUrl.indexOf(':');
        String code = colon < 0 ? plcUrl : plcUrl.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (code) {
            case "modbus-tcp" -> MODBUS;
            case "fins" -> FINS;
            default -> throw new IllegalArgumentException("no PLC address mapping for protocol '" + code
                    + "' (known: modbus-tcp, fins)");
        };
    }
}
