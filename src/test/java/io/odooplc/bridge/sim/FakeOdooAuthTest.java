package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.odooplc.bridge.sim.OdooTestClient.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOdooAuthTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final OdooTestClient client = new OdooTestClient(odoo);

    @AfterEach
    void stop() {
        odoo.close();
    }

    private Map<String, String> login(String password) {
        return Map.of("db", "odoo14", "login", "admin", "password", password);
    }

    @Test
    void webAuthenticateAnswersSessionInfoInEnvelopeAndSetsSessionCookie() {
        Reply reply = client.rpc(OdooEndpoint.WEB_AUTHENTICATE, login("admin"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(reply.json().has("id")).isTrue();
        assertThat(reply.json().path("result").path("uid").asInt()).isEqualTo(2);
        assertThat(reply.json().has("error")).isFalse();
        assertThat(reply.setCookie()).get().asString().matches("session_id=[0-9a-f]{40}; .*Path=/");
    }

    @Test
    void webAuthenticateWithWrongPasswordIsHttp200WithErrorMemberAndNoCookie() {
        Reply reply = client.rpc(OdooEndpoint.WEB_AUTHENTICATE, login("wrong"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("result")).isFalse();
        assertThat(reply.json().path("error").path("data").path("name").asText()).isEqualTo("odoo.exceptions.AccessDenied");
        assertThat(reply.setCookie()).isEmpty();
        assertThat(odoo.calls().get(0).outcome()).isEqualTo(CallOutcome.RPC_ERROR);
    }

    @Test
    void scadaAuthenticateTakesBareBodyAndAnswersEnvelopedSessionThatOpensProtectedRoutes() {
        Reply reply = client.post(OdooEndpoint.SCADA_AUTHENTICATE, login("admin"));

        assertThat(reply.json().path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(reply.result().path("status").asText()).isEqualTo("success");
        assertThat(reply.result().path("uid").asInt()).isEqualTo(2);
        String sessionId = reply.result().path("session_id").asText();
        assertThat(reply.setCookie()).get().extracting(OdooTestClient::sessionIdOf).isEqualTo(sessionId);

        assertThat(odoo.liveSessions()).isEqualTo(1);
    }

    @Test
    void scadaAuthenticateSessionIdWorksAsCookie() throws Exception {
        String sessionId = client.post(OdooEndpoint.SCADA_AUTHENTICATE, login("admin")).result().path("session_id").asText();

        HttpRequest request = HttpRequest.newBuilder(odoo.uri(OdooEndpoint.MO_CANCEL))
                .header("Content-Type", "application/json")
                .header("Cookie", "frontend_lang=en_US; session_id=" + sessionId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"mo_id\":\"WH/MO/00013\"}"))
                .build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).contains("\"mo_state\":\"cancel\"");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CANCEL);
    }

    @Test
    void scadaAuthenticateWithWrongPasswordIsStatusError() {
        Reply reply = client.post(OdooEndpoint.SCADA_AUTHENTICATE, login("wrong"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().path("status").asText()).isEqualTo("error");
        assertThat(reply.result().path("message").asText()).isNotBlank();
        assertThat(reply.setCookie()).isEmpty();
        assertThat(odoo.liveSessions()).isZero();
    }

    @Test
    void protectedRouteWithoutCookieAnswersOdooSessionExpired() {
        Reply reply = client.post(OdooEndpoint.MO_CANCEL, Map.of("mo_id", "WH/MO/00013"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("Odoo Session Expired");
        assertThat(odoo.mo("WH/MO/00013").orElseThrow().state()).isEqualTo(MoState.CONFIRMED);
        assertThat(odoo.calls().get(0).outcome()).isEqualTo(CallOutcome.SESSION_EXPIRED);
    }

    @Test
    void expiringSessionsRejectsTheOldCookieUntilNextLogin() {
        client.login();
        assertThat(client.rpc(OdooEndpoint.MO_LIST, Map.of()).json().has("result")).isTrue();

        odoo.expireSessions();
        Reply expired = client.rpc(OdooEndpoint.MO_LIST, Map.of());
        assertThat(expired.json().path("error").path("message").asText()).isEqualTo("Odoo Session Expired");

        client.login();
        assertThat(client.rpc(OdooEndpoint.MO_LIST, Map.of()).json().has("result")).isTrue();
    }

    @Test
    void recordedCallsNeverKeepThePassword() {
        client.rpc(OdooEndpoint.WEB_AUTHENTICATE, login("admin"));
        client.post(OdooEndpoint.SCADA_AUTHENTICATE, login("admin"));

        assertThat(odoo.calls()).hasSize(2).allSatisfy(call ->
                assertThat(call.body().findValuesAsText("password")).containsExactly("***"));
    }
}
