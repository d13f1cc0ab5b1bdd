package io.odooplc.bridge.fins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.odooplc.bridge.sim.FinsServer;
import io.odooplc.bridge.sim.WordImage;

/** The driver through the PLC4X API against the simulator's FINS server, over real UDP and TCP on loopback. */
class FinsDriverTest {

    private final WordImage dm = new WordImage();
    private final FinsServer server = new FinsServer(dm, "127.0.0.1", 0, 0);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private PlcConnection connect(String transport) throws Exception {
        int port = transport.equals("udp") ? server.udpPort() : server.tcpPort();
        return new DefaultPlcDriverManager().getConnection(
                "fins:" + transport + "://127.0.0.1:" + port + "?client-node=1&plc-node=2&request-timeout=1000");
    }

    private static PlcReadResponse read(PlcConnection connection, String... nameAddressPairs) throws Exception {
        PlcReadRequest.Builder builder = connection.readRequestBuilder();
        for (int i = 0; i < nameAddressPairs.length; i += 2) {
            builder.addTagAddress(nameAddressPairs[i], nameAddressPairs[i + 1]);
        }
        return builder.build().execute().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void readsASlotAsUintList(String transport) throws Exception {
        dm.write(6000, IntStream.range(0, 77).map(i -> 1000 + i).toArray());
        try (PlcConnection connection = connect(transport)) {
            PlcReadResponse response = read(connection, "slot", "D6000:UINT[77]");

            assertThat(response.getResponseCode("slot")).isEqualTo(PlcResponseCode.OK);
            assertThat(response.getAllIntegers("slot")).hasSize(77).startsWith(1000, 1001).endsWith(1076);
            assertThat(response.getPlcValue("slot").isList()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void writesWordsLowWordFirstAndReadsThemBack(String transport) throws Exception {
        dm.set(7076, 1);
        try (PlcConnection connection = connect(transport)) {
            PlcWriteResponse written = connection.writeRequestBuilder()
                    .addTagAddress("handshake", "D7076:UINT", 0)
                    .addTagAddress("count", "D300:DINT", 0x12345678)
                    .addTagAddress("weight", "D310:REAL", 570.0f)
                    .addTagAddress("delta", "D320:INT[2]", List.of(-2, 7))
                    .build().execute().get(10, TimeUnit.SECONDS);

            assertThat(written.getResponseCode("handshake")).isEqualTo(PlcResponseCode.OK);
            assertThat(dm.get(7076)).isZero();
            assertThat(dm.read(300, 2)).containsExactly(0x5678, 0x1234);
            assertThat(dm.read(310, 2)).containsExactly(0x8000, 0x440E);
            assertThat(dm.read(320, 2)).containsExactly(0xFFFE, 7);

            PlcReadResponse back = read(connection, "count", "D300:DINT", "weight", "D310:REAL", "delta", "D320:INT[2]");
            assertThat(back.getInteger("count")).isEqualTo(0x12345678);
            assertThat(back.getFloat("weight")).isEqualTo(570.0f);
            assertThat(back.getAllIntegers("delta")).containsExactly(-2, 7);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void bitWriteLeavesTheOtherBitsOfTheWord(String transport) throws Exception {
        dm.set(100, 0b1000_0000_0000_0001);
        dm.set(101, 1);
        try (PlcConnection connection = connect(transport)) {
            connection.writeRequestBuilder().addTagAddress("run", "D100.05:BOOL", true)
                    .build().execute().get(10, TimeUnit.SECONDS);

            assertThat(dm.get(100)).isEqualTo(0b1000_0000_0010_0001);
            PlcReadResponse bits = read(connection, "run", "D100.05:BOOL", "edge", "D100.14:BOOL[3]");
            assertThat(bits.getBoolean("run")).isTrue();
            assertThat(bits.getAllBooleans("edge")).containsExactly(false, true, true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void readsAndWritesTheOtherAreas(String transport) throws Exception {
        server.area("W").set(10, 0xFFFF);
        server.area("CIO").write(100, 1, 2, 3, 4);
        try (PlcConnection connection = connect(transport)) {
            connection.writeRequestBuilder().addTagAddress("hold", "H5:UINT", 42)
                    .addTagAddress("aux", "A100:WORD", 0xBEEF).build().execute().get(10, TimeUnit.SECONDS);

            PlcReadResponse response = read(connection, "w", "W10:INT", "cio", "CIO100:UINT[4]", "h", "H5:UINT",
                    "a", "A100:UINT");
            assertThat(response.getInteger("w")).isEqualTo(-1);
            assertThat(response.getAllIntegers("cio")).containsExactly(1, 2, 3, 4);
            assertThat(response.getInteger("h")).isEqualTo(42);
            assertThat(response.getInteger("a")).isEqualTo(0xBEEF);
            assertThat(server.area("H").get(5)).isEqualTo(42);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void arraysLargerThanOneFrameAreSplitAndReassembled(String transport) throws Exception {
        int[] words = IntStream.range(0, 2000).map(i -> i * 7 & 0xFFFF).toArray();
        try (PlcConnection connection = connect(transport)) {
            long before = server.commandsReceived();
            connection.writeRequestBuilder().addTagAddress("big", "D1000:UINT[2000]", (Object) words)
                    .build().execute().get(10, TimeUnit.SECONDS);
            assertThat(server.commandsReceived() - before).as("996 + 996 + 8 words").isEqualTo(3);
            assertThat(dm.read(1000, 2000)).containsExactly(words);

            before = server.commandsReceived();
            PlcReadResponse response = read(connection, "big", "D1000:UINT[2000]");
            assertThat(server.commandsReceived() - before).as("999 + 999 + 2 words").isEqualTo(3);
            assertThat(response.getAllIntegers("big")).containsExactlyElementsOf(
                    IntStream.of(words).boxed().toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void tenSlotsInOneRequestTakeOneFrame(String transport) throws Exception {
        for (int slot = 0; slot < 10; slot++) {
            dm.set(6000 + slot * 100, slot + 1);
        }
        try (PlcConnection connection = connect(transport)) {
            List<String> pairs = new ArrayList<>();
            for (int slot = 0; slot < 10; slot++) {
                pairs.add("slot" + slot);
                pairs.add("D" + (6000 + slot * 100) + ":UINT[77]");
            }
            long before = server.commandsReceived();
            PlcReadResponse response = read(connection, pairs.toArray(String[]::new));

            assertThat(server.commandsReceived() - before).as("D6000..D6976 is 977 words").isEqualTo(1);
            for (int slot = 0; slot < 10; slot++) {
                assertThat(response.getAllIntegers("slot" + slot)).hasSize(77).first().isEqualTo(slot + 1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void pingReadsOneWord(String transport) throws Exception {
        try (PlcConnection connection = connect(transport)) {
            long before = server.commandsReceived();

            assertThat(connection.ping().get(10, TimeUnit.SECONDS).getResponseCode()).isEqualTo(PlcResponseCode.OK);
            assertThat(server.commandsReceived() - before).isEqualTo(1);
        }
    }
}
