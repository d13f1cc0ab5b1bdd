package io.odooplc.bridge.fins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.plc4x.java.api.value.PlcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.odooplc.bridge.sim.PlcSimulator;

/**
 * The driver as the bridge uses it: a plain camel-plc4x endpoint, {@code plc4x:fins:udp://...} with {@code tag.*}
 * options, polled with pollEnrich the way the PLC read task does, against the PLC simulator with FINS enabled.
 */
class FinsCamelPlc4xTest {

    private PlcSimulator simulator;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        simulator = PlcSimulator.onFreeLoopbackPort(Duration.ofMinutes(10)).enableFins(0, 0);
        simulator.start();
        simulator.image().write(6000, IntStream.range(0, 77).map(i -> 500 + i).toArray());
        simulator.image().write(6100, 7, 8);
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        simulator.stop();
    }

    @Test
    void pollEnrichReadsTheTagMapThroughTheFinsDriver() throws Exception {
        String plc = "plc4x:fins:udp://127.0.0.1:" + simulator.fins().udpPort()
                + "?client-node=1&plc-node=2&request-timeout=1000&autoReconnect=true"
                + "&tag.slot0=D6000:UINT[77]&tag.slot1=D6100:UINT[2]";
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").pollEnrich(plc, 5000);
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();

        @SuppressWarnings("unchecked")
        Map<String, Object> body = template.requestBody("direct:read", null, Map.class);

        assertThat(body).containsOnlyKeys("slot0", "slot1");
        assertThat(words(body.get("slot0"))).hasSize(77).startsWith(500, 501).endsWith(576);
        assertThat(words(body.get("slot1"))).containsExactly(7, 8);
    }

    /** camel-plc4x puts a PlcList's object into the body: a list of PlcValues, as for Modbus. */
    private static List<Integer> words(Object listValue) {
        return ((List<?>) listValue).stream().map(value -> ((PlcValue) value).getInt()).toList();
    }
}
