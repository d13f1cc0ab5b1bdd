package io.odooplc.bridge.plc;

/** FINS DM word tags, {@code D<address>:UINT[<count>]}, addressed exactly as the PLC program numbers them. */
public final class FinsTagAddressing implements TagAddressing {

    @Override
    public String tag(WordRange range) {
        return "D" + range.start() + ":UINT[" + range.count() + "]";
    }
}
