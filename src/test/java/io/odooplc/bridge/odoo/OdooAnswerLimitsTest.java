package io.odooplc.bridge.odoo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.odooplc.bridge.config.BridgeSettings.OdooCallSettings;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.ops.OdooHealthCheck;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Odoo routes against a server that misbehaves on the wire (over real sockets): an answer whose body stalls or
 * trickles must end the call within ODOO_TIMEOUT; an answer larger than ODOO_MAX_ANSWER_SIZE is not read; an HTML
 * page with status 200 is a failed call for the circuit and the health check.
 */
class OdooAnswerLimitsTest {

    /** For the stalling servers: no call there can answer, so nothing waits on a loaded machine's speed. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(1000);
    /** For servers that do answer: generous, so only the answer's content fails the call. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Far below the servers' stall (60 s) and trickle (10000 s), far above SHORT_TIMEOUT on a loaded machine. */
    private static final Duration ENDED_BY_THE_TIMEOUT = Duration.ofSeconds(30);

    private static OdooRoutes routes(String url, long maxAnswerBytes, int circuitFailures) {
        return routes(url, maxAnswerBytes, circuitFailures, TIMEOUT);
    }

    private static OdooRoutes routes(String url, long maxAnswerBytes, int circuitFailures, Duration timeout) {
        OdooCallSettings tuning = new OdooCallSettings(Duration.ofSeconds(1), timeout, 0, Duration.ofMillis(10),
                circuitFailures, Duration.ofSeconds(60), maxAnswerBytes);
        return new OdooRoutes(Optional.of(new OdooSettings(url, "plant", "bridge", "pw")), tuning);
    }

    private static long millisOf(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsTheCallWithinTheTimeout() throws Exception {
        try (MisbehavingOdoo odoo = new MisbehavingOdoo(out -> {
            out.write(MisbehavingOdoo.head("application/json", 1000));
            out.write("{\"result\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(60_000);
        }); OdooRoutes routes = routes(odoo.url(), 32L << 20, 3, SHORT_TIMEOUT)) {
            OdooReply[] reply = new OdooReply[1];
            long took = millisOf(() -> reply[0] = routes.cancelMo("WH/MO/00013"));

            assertThat(reply[0].outcome()).isEqualTo(OdooReply.Outcome.FAILED);
            assertThat(reply[0].message()).contains("within 1000 ms");
            assertThat(took).as("ms for the whole call (the server stalls for 60 s)")
                    .isLessThan(ENDED_BY_THE_TIMEOUT.toMillis());
        }
    }

    @Test
    void aBodyTrickledByteByByteEndsTheCallAtTheTimeout() throws Exception {
        try (MisbehavingOdoo odoo = new MisbehavingOdoo(out -> {
            out.write(MisbehavingOdoo.head("application/json", 100_000));
            for (int i = 0; i < 100_000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(100);
            }
        }); OdooRoutes routes = routes(odoo.url(), 32L << 20, 3, SHORT_TIMEOUT)) {
            OdooReply[] reply = new OdooReply[1];
            long took = millisOf(() -> reply[0] = routes.cancelMo("WH/MO/00013"));

            assertThat(reply[0].outcome()).isEqualTo(OdooReply.Outcome.FAILED);
            assertThat(reply[0].message()).startsWith("no complete answer from " + odoo.url()
                    + "/api/scada/authenticate within 1000 ms");
            assertThat(took).as("ms for the whole call (the server trickles for 10000 s)")
                    .isLessThan(ENDED_BY_THE_TIMEOUT.toMillis());
        }
    }

    @Test
    void anAnswerLargerThanTheCapFailsTheCallUnread() throws Exception {
        long cap = 64 * 1024;
        String json = "{\"jsonrpc\":\"2.0\",\"result\":{\"status\":\"success\",\"session_id\":\"s\",\"message\":\""
                + "x".repeat(200_000) + "\"}}";
        byte[] body = json.getBytes(StandardCharsets.US_ASCII);
        try (MisbehavingOdoo odoo = new MisbehavingOdoo(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }); OdooRoutes routes = routes(odoo.url(), cap, 3)) {
            OdooReply reply = routes.cancelMo("WH/MO/00013");

            assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
            assertThat(reply.message()).isEqualTo("answer of " + odoo.url() + "/api/scada/authenticate is larger than"
                    + " ODOO_MAX_ANSWER_SIZE (65536 bytes; more than that sent): not read");
        }
    }

    @Test
    void anHtmlPageWithStatus200FailsTheCallForTheCircuitAndTheHealthCheck() throws Exception {
        byte[] page = "<html><body>Odoo is under maintenance</body></html>".getBytes(StandardCharsets.US_ASCII);
        try (MisbehavingOdoo odoo = new MisbehavingOdoo(out -> {
            out.write(MisbehavingOdoo.head("text/html", page.length));
            out.write(page);
        }); OdooRoutes routes = routes(odoo.url(), 32L << 20, 2)) {
            OdooReply first = routes.cancelMo("WH/MO/00013");
            assertThat(first.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
            assertThat(first.message()).startsWith("answer of " + odoo.url() + "/api/scada/authenticate is not JSON"
                    + " (text/html)");
            OdooHealthCheck health = new OdooHealthCheck(routes.client());
            assertThat(health.call().getState()).isEqualTo(HealthCheck.State.DOWN);

            routes.cancelMo("WH/MO/00013");
            assertThat(routes.circuit().state()).isEqualTo(CircuitBreaker.State.OPEN);
            int sent = odoo.requests();
            assertThat(routes.cancelMo("WH/MO/00013").outcome()).isEqualTo(OdooReply.Outcome.CIRCUIT_OPEN);
            assertThat(odoo.requests()).as("nothing sent while open").isEqualTo(sent);
            assertThat(health.call().getState()).isEqualTo(HealthCheck.State.DOWN);
        }
    }
}
