package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.odooplc.bridge.sim.OdooTestClient.Reply;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOdooFaultsTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final OdooTestClient client = new OdooTestClient(odoo).login();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private Reply cancel13() {
        return client.post(OdooEndpoint.MO_CANCEL, Map.of("mo_id", "WH/MO/00013"));
    }

    @Test
    void failNextAnswersHttp500ThatManyTimesWithoutTouchingData() {
        odoo.faults().failNext(OdooEndpoint.MO_CANCEL, 2);

        assertThat(cancel13().status()).isEqualTo(500);
        assertThat(cancel13().status()).isEqualTo(500);
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CONFIRMED);
        assertThat(client.rpc(OdooEndpoint.MO_LIST, Map.of()).status()).isEqualTo(200);

        assertThat(cancel13().status()).isEqualTo(200);
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CANCEL);
        assertThat(odoo.calls(OdooEndpoint.MO_CANCEL)).extracting(RecordedCall::outcome)
                .containsExactly(CallOutcome.HTTP_ERROR, CallOutcome.HTTP_ERROR, CallOutcome.SUCCESS);
    }

    @Test
    void failAlwaysLastsUntilCleared() {
        odoo.faults().failAlways(OdooEndpoint.MO_CANCEL);
        for (int i = 0; i < 5; i++) {
            assertThat(cancel13().status()).isEqualTo(500);
        }

        odoo.faults().clear();

        assertThat(cancel13().status()).isEqualTo(200);
    }

    @Test
    void failNextCanUseAnotherStatus() {
        odoo.faults().failNext(OdooEndpoint.MO_UPDATE, 1, 404);

        assertThat(client.post(OdooEndpoint.MO_UPDATE, Map.of("mo_id", "WH/MO/00013")).status()).isEqualTo(404);
    }

    @Test
    void delaySlowsOnlyThatEndpoint() {
        odoo.faults().delay(OdooEndpoint.MO_CANCEL, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(cancel13().status()).isEqualTo(200);
        // A floor, not a speed: the fault holds the answer at least that long however busy the machine is.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        // Held until the server stops: the list must answer while the cancel still waits.
        odoo.faults().delay(OdooEndpoint.MO_CANCEL, Duration.ofMinutes(10));
        CompletableFuture<Reply> held = CompletableFuture.supplyAsync(this::cancel13);
        assertThat(client.rpc(OdooEndpoint.MO_LIST, Map.of("limit", 1)).status()).isEqualTo(200);
        assertThat(held).as("the delayed cancel, still waiting").isNotDone();
    }

    @Test
    void stoppedServerRefusesConnectionsAndRestartsOnTheSamePortWithItsData() throws IOException {
        int port = odoo.port();
        cancel13();

        odoo.stop();
        assertThat(odoo.isRunning()).isFalse();
        assertThatThrownBy(() -> client.send(OdooEndpoint.MO_LIST, "{}", "application/json"))
                .isInstanceOf(ConnectException.class);

        odoo.restart();
        assertThat(odoo.port()).isEqualTo(port);
        Reply reply = client.rpc(OdooEndpoint.MO_LIST, Map.of("states", "cancel"));
        assertThat(reply.result().path("data").get(0).path("mo_id").asText()).isEqualTo("WH/MO/00013");
    }

    @Test
    void bareResponsesDropTheEnvelopeOnAddonRoutesOnly() {
        odoo.faults().bareResponses(true);

        Reply cancel = cancel13();
        Reply auth = client.rpc(OdooEndpoint.WEB_AUTHENTICATE,
                Map.of("db", "odoo14", "login", "admin", "password", "admin"));

        assertThat(cancel.json().has("jsonrpc")).isFalse();
        assertThat(cancel.json().path("status").asText()).isEqualTo("success");
        assertThat(auth.json().path("jsonrpc").asText()).isEqualTo("2.0");
    }

    @Test
    void requestsOdooWouldNotRouteAreHttpErrors() throws IOException {
        assertThat(client.send(OdooEndpoint.MO_CANCEL, "{\"mo_id\":\"WH/MO/00013\"}", null).status()).isEqualTo(400);
        assertThat(client.send(OdooEndpoint.MO_CANCEL, "not json", "application/json").status()).isEqualTo(400);
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CONFIRMED);
    }

    @Test
    void unknownRouteIs404() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(odoo.url() + "/api/scada/failure-report"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(status).isEqualTo(404);
        assertThat(odoo.calls()).last().extracting(RecordedCall::path).isEqualTo("/api/scada/failure-report");
    }
}
