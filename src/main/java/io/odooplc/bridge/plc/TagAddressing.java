package io.odooplc.bridge.plc;

/** Turns a DM word range into the tag address string a driver understands. */
public interface TagAddressing {

    String tag(WordRange range);

    static TagAddressing of(Protocol protocol) {
        return switch (protocol) {
            case MODBUS -> new ModbusTagAddressing();
            case FINS -> new FinsTagAddressing();
        };
    }
}
