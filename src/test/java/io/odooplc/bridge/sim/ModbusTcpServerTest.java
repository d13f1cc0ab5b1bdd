package io.odooplc.bridge.sim;

import static io.odooplc.bridge.sim.RawModbusClient.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModbusTcpServerTest {

    private final WordImage image = new WordImage();
    private final ModbusTcpServer server = new ModbusTcpServer(image, "127.0.0.1", 0);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void listensOnAFreeLoopbackPort() {
        assertThat(server.isRunning()).isTrue();
        assertThat(server.port()).isPositive();
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void readHoldingRegistersFramesByteForByte() throws IOException {
        image.write(6025, 1, 34464);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            byte[] response = client.exchange(hex("00 01 00 00 00 06 01 03 17 89 00 02"));

            assertThat(hex(response)).isEqualTo("00 01 00 00 00 07 01 03 04 00 01 86 A0");
        }
    }

    @Test
    void writeSingleRegisterEchoesTheRequestAndSetsTheWord() throws IOException {
        image.set(7076, 1);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            byte[] response = client.exchange(hex("12 34 00 00 00 06 11 06 1B A4 00 00"));

            assertThat(hex(response)).isEqualTo("12 34 00 00 00 06 11 06 1B A4 00 00");
        }
        assertThat(image.get(7076)).isZero();
    }

    @Test
    void writeMultipleRegistersAnswersAddressAndQuantity() throws IOException {
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            byte[] response = client.exchange(hex("00 07 00 00 00 0B 01 10 1B 59 00 02 04 57 48 2F 4D"));

            assertThat(hex(response)).isEqualTo("00 07 00 00 00 06 01 10 1B 59 00 02");
        }
        assertThat(image.read(7001, 2)).containsExactly(0x5748, 0x2F4D);
    }

    @Test
    void readsTheLastWordOfTheDmArea() throws IOException {
        image.set(32767, 0xBEEF);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            assertThat(client.readHoldingRegisters(32767, 1)).containsExactly(0xBEEF);
            assertThat(client.readHoldingRegisters(32643, 125)).hasSize(125);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "read 126 words              | 00 06 01 03 00 00 00 7E             | 83 03",
        "read 0 words                | 00 06 01 03 00 00 00 00             | 83 03",
        "read past D32767            | 00 06 01 03 7F FF 00 02             | 83 02",
        "write D32768                | 00 06 01 06 80 00 00 01             | 86 02",
        "write without values        | 00 06 01 10 00 00 00 01             | 90 03",
        "write 124 words             | 00 07 01 10 00 00 00 7C F8          | 90 03",
        "byte count not 2 x quantity | 00 0B 01 10 00 00 00 02 03 00 01 00 02 | 90 03",
        "write past D32767           | 00 0B 01 10 7F FF 00 02 04 00 01 00 02 | 90 02",
        "read input registers        | 00 06 01 04 00 00 00 01             | 84 01",
        "unknown function 0x2B       | 00 03 01 2B 0E                      | AB 01",
    })
    void answersIllegalRequestsWithExceptionResponses(String name, String request, String exception)
            throws IOException {
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            byte[] response = client.exchange(hex("00 09 00 00 " + request));

            assertThat(hex(response)).isEqualTo("00 09 00 00 00 03 01 " + exception);
        }
        assertThat(image.read(32766, 2)).containsExactly(0, 0);
    }

    @Test
    void answersPipelinedRequestsInOrderOnOneConnection() throws IOException {
        image.write(100, 11, 22);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            client.send(hex("00 01 00 00 00 06 01 03 00 64 00 01 00 02 00 00 00 06 01 03 00 65 00 01"));

            assertThat(hex(client.receive())).isEqualTo("00 01 00 00 00 05 01 03 02 00 0B");
            assertThat(hex(client.receive())).isEqualTo("00 02 00 00 00 05 01 03 02 00 16");
        }
    }

    @Test
    void closesTheConnectionOnAFrameThatIsNotModbus() throws IOException {
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            client.send(hex("47 45 54 20 2F 20 48 54 54 50"));

            assertThatThrownBy(client::receive).isInstanceOf(IOException.class);
        }
    }

    @Test
    void countsRequestsServedIncludingExceptions() throws IOException {
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            client.readHoldingRegisters(6000, 77);
            client.writeSingleRegister(7076, 0);
            client.exchange(hex("00 09 00 00 00 06 01 04 00 00 00 01"));
        }
        assertThat(server.requestsServed()).isEqualTo(3);

        server.resetRequestsServed();
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void slowPlcDelaysEveryResponse() throws IOException {
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            server.setResponseDelay(Duration.ofMillis(400));
            long slow = millisFor(() -> client.readHoldingRegisters(6000, 1));
            // A floor, not a speed: the delay holds the answer at least that long however busy the machine is.
            assertThat(slow).isGreaterThanOrEqualTo(400);

            // Longer than the client's read timeout: the answer does not come in time.
            server.setResponseDelay(Duration.ofMinutes(1));
            assertThatThrownBy(() -> client.readHoldingRegisters(6000, 1)).isInstanceOf(SocketTimeoutException.class);
        }
        server.setResponseDelay(Duration.ZERO);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            assertThat(client.readHoldingRegisters(6000, 1)).as("answered without the minute's delay").hasSize(1);
        }
    }

    @Test
    void dropConnectionsClosesOpenSocketsButAcceptsNewOnes() throws Exception {
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            client.readHoldingRegisters(6000, 1);
            server.dropConnections();

            assertThatThrownBy(() -> client.readHoldingRegisters(6000, 1)).isInstanceOf(IOException.class);
        }
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            assertThat(client.readHoldingRegisters(6000, 1)).containsExactly(0);
        }
    }

    @Test
    void dropRequestsClosesEachConnectionUnansweredAndUnapplied() throws IOException {
        server.setDropRequests(true);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            assertThatThrownBy(() -> client.writeSingleRegister(7076, 1)).isInstanceOf(IOException.class);
        }
        assertThat(image.get(7076)).isZero();
        assertThat(server.requestsServed()).isZero();

        server.setDropRequests(false);
        try (RawModbusClient client = new RawModbusClient(server.port())) {
            client.writeSingleRegister(7076, 1);
        }
        assertThat(image.get(7076)).isEqualTo(1);
    }

    @Test
    void plcDownRefusesConnectionsThenComesBackOnTheSamePort() throws IOException {
        int port = server.port();
        image.set(6076, 1);
        try (RawModbusClient client = new RawModbusClient(port)) {
            client.readHoldingRegisters(6076, 1);
            server.stop();

            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> client.readHoldingRegisters(6076, 1)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }

        server.start();

        assertThat(server.port()).isEqualTo(port);
        try (RawModbusClient client = new RawModbusClient(port)) {
            assertThat(client.readHoldingRegisters(6076, 1)).containsExactly(1);
        }
    }

    private interface ModbusCall {
        void run() throws IOException;
    }

    private static long millisFor(ModbusCall call) throws IOException {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
