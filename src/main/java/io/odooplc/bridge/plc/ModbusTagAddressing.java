package io.odooplc.bridge.plc;

/**
 * PLC4X Modbus tags. The PLC4X 0.13.1 driver takes 1-based register numbers: ModbusTagHoldingRegister.of()
 * subtracts PROTOCOL_ADDRESS_OFFSET (1) before putting the address on the wire, and rejects number 0. So DM word N,
 * which the gateway exposes at protocol address N, is {@code holding-register:N+1}. UINT is requested explicitly
 * because the driver's default INT would hand back signed words (the legacy -274.11 kg failure).
 */
public final class ModbusTagAddressing implements TagAddressing {

    private static final int MAX_REGISTER = 65535;

    @Override
    public String tag(WordRange range) {
        int first = range.start() + 1;
        int last = range.end();
        if (last > MAX_REGISTER) {
            throw new IllegalArgumentException("Modbus holding registers end at " + MAX_REGISTER + "; " + range
                    + " needs register " + last);
        }
        return "holding-register:" + first + ":UINT[" + range.count() + "]";
    }
}
