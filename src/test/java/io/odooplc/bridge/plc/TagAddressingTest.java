package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagAddressingTest {

    private final TagAddressing modbus = TagAddressing.of(Protocol.MODBUS);
    private final TagAddressing fins = TagAddressing.of(Protocol.FINS);

    @Test
    void modbusRegisterNumbersAreOneBased() {
        assertThat(modbus.tag(new WordRange(6000, 77))).isEqualTo("holding-register:6001:UINT[77]");
        assertThat(modbus.tag(new WordRange(0, 1))).isEqualTo("holding-register:1:UINT[1]");
        assertThat(modbus.tag(new WordRange(7076, 1))).isEqualTo("holding-register:7077:UINT[1]");
    }

    @Test
    void modbusCannotAddressBeyondTheLastRegister() {
        assertThat(modbus.tag(new WordRange(65534, 1))).isEqualTo("holding-register:65535:UINT[1]");
        assertThatThrownBy(() -> modbus.tag(new WordRange(65535, 1)))
                .hasMessage("Modbus holding registers end at 65535; D65535 needs register 65536");
    }

    @Test
    void finsUsesDmAddressesAsIs() {
        assertThat(fins.tag(new WordRange(6000, 977))).isEqualTo("D6000:UINT[977]");
        assertThat(fins.tag(new WordRange(8022, 1))).isEqualTo("D8022:UINT[1]");
    }
}
