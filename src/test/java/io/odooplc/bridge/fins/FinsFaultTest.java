package io.odooplc.bridge.fins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.exceptions.PlcInvalidTagException;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.odooplc.bridge.sim.FinsServer;
import io.odooplc.bridge.sim.WordImage;

/** Each of the simulator's fault switches against the driver: what the plant network does to FINS. */
class FinsFaultTest {

    /** The request timeout where a test makes answers late or lost: each such attempt costs it. */
    private static final int TIMEOUT_MS = 1000;
    /** Where every answer comes: generous, so a loaded machine never turns an answer into a timeout. */
    private static final int GENEROUS_TIMEOUT_MS = 5000;
    /** Many lost datagrams: short, as a late answer there only costs one of the many retries. */
    private static final int LOSSY_TIMEOUT_MS = 200;

    private final WordImage dm = new WordImage();
    private final FinsServer server = new FinsServer(dm, "127.0.0.1", 0, 0);

    @BeforeEach
    void start() throws Exception {
        server.start();
        dm.write(6000, 11, 22, 33);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private PlcConnection connect(String transport, int retries) throws Exception {
        return connect(transport, retries, GENEROUS_TIMEOUT_MS);
    }

    private PlcConnection connect(String transport, int retries, int timeoutMs) throws Exception {
        int port = transport.equals("udp") ? server.udpPort() : server.tcpPort();
        return new DefaultPlcDriverManager().getConnection("fins:" + transport + "://127.0.0.1:" + port
                + "?client-node=1&plc-node=2&request-timeout=" + timeoutMs + "&retries=" + retries);
    }

    private static PlcReadResponse read(PlcConnection connection, String address) throws Exception {
        return connection.readRequestBuilder().addTagAddress("words", address).build().execute()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void lostDatagramIsSentAgainAndTheRetryAnswers() throws Exception {
        try (PlcConnection connection = connect("udp", 2, TIMEOUT_MS)) {
            server.faults().dropNext(1);
            long before = server.commandsReceived();

            assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words")).containsExactly(11, 22, 33);
            assertThat(server.commandsReceived() - before).isEqualTo(2);
            assertThat(connection.isConnected()).isTrue();
        }
    }

    @Test
    void answersLaterThanTheTimeoutFailClearlyThenTheConnectionRecovers() throws Exception {
        try (PlcConnection connection = connect("udp", 1, TIMEOUT_MS)) {
            server.faults().delay(Duration.ofMillis(TIMEOUT_MS * 3));

            assertThatThrownBy(() -> read(connection, "D6000:UINT[3]"))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(FinsTimeoutException.class)
                    .hasMessageContaining("read of D6000 (3 words)")
                    .hasMessageContaining("no answer within " + TIMEOUT_MS + " ms after 2 attempt(s)");
            assertThat(connection.isConnected()).as("reports itself disconnected").isFalse();

            server.faults().delay(Duration.ZERO);
            assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words")).containsExactly(11, 22, 33);
            assertThat(connection.isConnected()).as("reconnected by the next request").isTrue();
        }
    }

    @Test
    void lateAnswerServesItsOwnCommandButNeverTheNextOne() throws Exception {
        try (PlcConnection connection = connect("udp", 2, TIMEOUT_MS)) {
            // Late for the first attempt, yet well before the second one times out.
            server.faults().delay(Duration.ofMillis(TIMEOUT_MS * 3 / 2));
            long before = server.commandsReceived();
            assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words")).containsExactly(11, 22, 33);
            assertThat(server.commandsReceived() - before).as("first attempt's late answer taken").isEqualTo(2);

            server.faults().delay(Duration.ZERO);
            dm.write(6000, 44, 55, 66);
            Thread.sleep(TIMEOUT_MS + 100); // the second attempt's answer, late too, arrives meanwhile
            assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words"))
                    .as("the queued late answer of the second attempt (11, 22, 33) is dropped")
                    .containsExactly(44, 55, 66);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void strayAnswerWithAnotherSidIsDroppedAndTheRightOneUsed(String transport) throws Exception {
        try (PlcConnection connection = connect(transport, 0)) {
            server.faults().wrongSidFirst(1);

            assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words")).containsExactly(11, 22, 33);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void nonFatalPlcErrorFlagDoesNotFailAGoodRead(String transport) throws Exception {
        try (PlcConnection connection = connect(transport, 0)) {
            server.faults().nonFatalError(true);

            assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words")).containsExactly(11, 22, 33);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void addressThePlcDoesNotHaveFailsWithTheEndCodeName(String transport) throws Exception {
        try (PlcConnection connection = connect(transport, 2)) {
            long before = server.commandsReceived();

            assertThatThrownBy(() -> read(connection, "W600:UINT"))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(FinsEndCodeException.class)
                    .hasMessageContaining("read of W600 (1 words)")
                    .hasMessageContaining("0x1103 parameter error: address range error");
            assertThat(server.commandsReceived() - before).as("an end code is an answer: not retried").isEqualTo(1);
            assertThat(connection.isConnected()).isTrue();
        }
    }

    @Test
    void endCodeErrorKeepsItsFlagsInTheMessage() throws Exception {
        try (PlcConnection connection = connect("udp", 0)) {
            server.faults().nonFatalError(true);

            assertThatThrownBy(() -> read(connection, "W600:UINT"))
                    .cause().hasMessageContaining("0x1103").hasMessageContaining("[PLC non-fatal error flag]");
        }
    }

    @Test
    void lossyNetworkStillDeliversEveryRead() throws Exception {
        try (PlcConnection connection = connect("udp", 10, LOSSY_TIMEOUT_MS)) {
            server.faults().dropRatio(0.3);
            for (int i = 0; i < 20; i++) {
                assertThat(read(connection, "D6000:UINT[3]").getAllIntegers("words")).containsExactly(11, 22, 33);
            }
        }
    }

    @Test
    void badTagSyntaxFailsWhenTheRequestIsBuilt() throws Exception {
        try (PlcConnection connection = connect("udp", 0)) {
            assertThatThrownBy(() -> connection.readRequestBuilder().addTagAddress("slot", "DM6000:UINT[77]"))
                    .isInstanceOf(PlcInvalidTagException.class)
                    .hasMessageContaining("'DM6000:UINT[77]'");
        }
    }

    @Test
    void tcpNodeAddressHandshakeAssignsTheClientNode() throws Exception {
        try (PlcConnection connection = new DefaultPlcDriverManager().getConnection(
                "fins:tcp://127.0.0.1:" + server.tcpPort() + "?client-node=0")) {
            assertThat(read(connection, "D6000:UINT").getInteger("words")).isEqualTo(11);
        }
    }

    @Test
    void tcpHandshakeRefusalIsAConnectionError() {
        assertThatThrownBy(() -> new DefaultPlcDriverManager().getConnection(
                "fins:tcp://127.0.0.1:" + server.tcpPort() + "?client-node=" + FinsServer.DEFAULT_NODE))
                .hasMessageContaining("FINS/TCP error 0x24")
                .hasMessageContaining("same FINS node address");
    }
}
