package io.odooplc.bridge.fins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FinsFramesTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    /** The legacy system's nodes: client node 1, PLC node 2, local network, CPU unit. */
    private static final FinsNodes PLANT_NODES = new FinsNodes(0, 2, 0, 1);

    @Test
    void memoryAreaReadOf77WordsAtD6000IsTheLegacyFrame() {
        byte[] frame = new MemoryAreaRead(MemoryArea.DM.wordCode(), 6000, 0, 77).encode(FinsHeader.command(PLANT_NODES, 0));

        assertThat(HEX.formatHex(frame)).isEqualTo("80 00 02 00 02 00 00 01 00 00 01 01 82 17 70 00 00 4D");
    }

    @Test
    void memoryAreaWriteOfZeroToD7076IsTheLegacyFrame() {
        byte[] frame = MemoryAreaWrite.words(MemoryArea.DM.wordCode(), 7076, new int[] {0})
                .encode(FinsHeader.command(PLANT_NODES, 0));

        assertThat(HEX.formatHex(frame)).isEqualTo("80 00 02 00 02 00 00 01 00 00 01 02 82 1B A4 00 00 01 00 00");
    }

    @Test
    void headerCarriesTheSid() {
        byte[] frame = new MemoryAreaRead(0x82, 0, 0, 1).encode(FinsHeader.command(PLANT_NODES, 0xA7));

        assertThat(frame[9] & 0xFF).isEqualTo(0xA7);
        assertThat(FinsHeader.decode(ByteBuffer.wrap(frame))).isEqualTo(FinsHeader.command(PLANT_NODES, 0xA7));
    }

    @Test
    void bitWriteCarriesOneBytePerBit() {
        byte[] frame = MemoryAreaWrite.bits(MemoryArea.DM.bitCode(), 100, 5, new boolean[] {true, false})
                .encode(FinsHeader.command(PLANT_NODES, 3));

        assertThat(HEX.formatHex(frame, 10, frame.length)).isEqualTo("01 02 02 00 64 05 00 02 01 00");
    }

    @Test
    void readResponseDecodesHeaderEndCodeAndWords() throws Exception {
        byte[] bytes = HEX.parseHex("C0 00 02 00 01 00 00 02 00 05 01 01 00 00 12 34 FF FE");

        FinsResponse response = FinsResponse.decode(bytes);

        assertThat(response.header().isResponse()).isTrue();
        assertThat(response.header().sid()).isEqualTo(5);
        assertThat(response.header().da1()).isEqualTo(1);
        assertThat(response.header().sa1()).isEqualTo(2);
        assertThat(response.endCode().isNormal()).isTrue();
        assertThat(response.words()).containsExactly(0x1234, 0xFFFE);
        assertThat(response.encode()).isEqualTo(bytes);
    }

    @Test
    void frameShorterThanHeaderAndEndCodeIsRejected() {
        assertThatThrownBy(() -> FinsResponse.decode(HEX.parseHex("C0 00 02 00 01 00 00 02 00 05 01 01 00")))
                .isInstanceOf(FinsFrameException.class).hasMessageContaining("13 bytes");
    }

    @Test
    void nonFatalAndFatalPlcFlagsAndRelayFlagAreMaskedOffTheCode() {
        assertThat(new EndCode(0x00, 0x40).isNormal()).isTrue();
        assertThat(new EndCode(0x00, 0x40).plcNonFatalError()).isTrue();
        assertThat(new EndCode(0x00, 0x80).isNormal()).isTrue();
        assertThat(new EndCode(0x00, 0x80).plcFatalError()).isTrue();
        assertThat(new EndCode(0x80, 0x00).isNormal()).isTrue();
        assertThat(new EndCode(0x80, 0x00).relayError()).isTrue();
        assertThat(new EndCode(0x91, 0x43).code()).isEqualTo(0x1103);
    }

    @Test
    void endCodeNamesItsMeaning() {
        assertThat(new EndCode(0x11, 0x03)).hasToString(
                "0x1103 parameter error: address range error (start address out of range)");
        assertThat(new EndCode(0x04, 0x01).description()).isEqualTo("not executable: undefined command");
        assertThat(new EndCode(0x11, 0x43).toString()).endsWith("[PLC non-fatal error flag]");
    }

    @Test
    void tcpNodeAddressRequestAndAnswer() throws Exception {
        assertThat(HEX.formatHex(FinsTcpFrame.nodeAddressRequest(0).encode()))
                .isEqualTo("46 49 4E 53 00 00 00 0C 00 00 00 00 00 00 00 00 00 00 00 00");

        byte[] answer = HEX.parseHex("46 49 4E 53 00 00 00 10 00 00 00 01 00 00 00 00 00 00 00 EF 00 00 00 02");
        byte[] header = Arrays.copyOf(answer, 16);
        FinsTcpFrame frame = FinsTcpFrame.decode(header, Arrays.copyOfRange(answer, 16, answer.length));

        assertThat(frame.assignedNodes()).containsExactly(0xEF, 2);
    }

    @Test
    void tcpFrameSendWrapsTheFinsFrame() throws Exception {
        byte[] fins = HEX.parseHex("80 00 02 00 02 00 00 01 00 00 01 01 82 17 70 00 00 4D");
        byte[] tcp = FinsTcpFrame.frameSend(fins).encode();

        assertThat(HEX.formatHex(tcp, 0, 16)).isEqualTo("46 49 4E 53 00 00 00 1A 00 00 00 02 00 00 00 00");
        assertThat(FinsTcpFrame.decode(Arrays.copyOf(tcp, 16),
                Arrays.copyOfRange(tcp, 16, tcp.length)).payload()).isEqualTo(fins);
    }

    @Test
    void tcpHeaderWithoutMagicIsRejected() {
        assertThatThrownBy(() -> FinsTcpFrame.payloadLength(HEX.parseHex("46 49 4E 54 00 00 00 0C 00 00 00 00 00 00 00 00")))
                .isInstanceOf(FinsFrameException.class).hasMessageContaining("'FINS'");
    }

    @Test
    void commandLimitsFollowTheFrameSize() {
        assertThatThrownBy(() -> new MemoryAreaRead(0x82, 0, 0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryAreaWrite.words(0x82, 0, new int[997]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MemoryAreaWrite.words(0x82, 0, new int[996]).encode(FinsHeader.command(PLANT_NODES, 0)).length)
                .isLessThanOrEqualTo(2012);
    }
}
