package io.odooplc.bridge.odoo;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.odooplc.bridge.config.BridgeSettings.OdooCallSettings;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.FakeOdooStock;
import io.odooplc.bridge.sim.OdooCredentials;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.sim.RecordedCall;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Neither the password nor a session id ever shows in a log line or in a message the bridge stores. */
class OdooSecretsTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    @Test
    void noLogLineOrMessageCarriesThePasswordOrTheSessionCookie() throws Exception {
        StringWriter logs = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        WriterAppender capture = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%m%n").build(),
                null, logs, "secrets-capture", false, true);
        capture.start();
        context.getRootLogger().addAppender(capture);
        List<String> messages = new ArrayList<>();
        try (FakeOdoo odoo = new FakeOdoo(FakeOdooStock.sample(),
                new OdooCredentials("plant", "bridge", PASSWORD, 7)).start()) {
            // A timeout generous enough for every call that must answer on a loaded machine; the slow answer below
            // is held until the server stops, so only the timeout ends it.
            OdooCallSettings tuning = OdooRoutes.tuning(Duration.ofSeconds(5), 1, 100, Duration.ofSeconds(60));
            OdooRoutes client = new OdooRoutes(Optional.of(new OdooSettings(odoo.url(), "plant", "bridge", PASSWORD)),
                    tuning);
            messages.add(client.cancelMo("WH/MO/00013").message());
            odoo.expireSessions();
            messages.add(client.cancelMo("WH/MO/00014").message());
            odoo.faults().failAlways(OdooEndpoint.MO_CANCEL);
            messages.add(client.cancelMo("WH/MO/00015").message());
            odoo.faults().clear();
            odoo.faults().delay(OdooEndpoint.MO_CANCEL, Duration.ofMinutes(10));
            messages.add(client.cancelMo("WH/MO/00016").message());
            OdooRoutes wrong = new OdooRoutes(Optional.of(new OdooSettings(odoo.url(), "plant", "bridge",
                    PASSWORD + "-old")), tuning);
            messages.add(wrong.cancelMo("WH/MO/00017").message());
            odoo.stop();
            messages.add(wrong.cancelMo("WH/MO/00017").message());
            client.close();
            wrong.close();

            List<String> sessionIds = odoo.calls(OdooEndpoint.SCADA_AUTHENTICATE).stream()
                    .map(RecordedCall::response).map(r -> r.path("result").path("session_id").asText())
                    .filter(id -> !id.isEmpty()).toList();
            assertThat(sessionIds).as("two logins of the right client").hasSize(2);
            String all = logs + String.join("\n", messages);
            assertThat(all).contains("logged in as 'bridge' on database 'plant'")
                    .contains("refused the login of 'bridge'").doesNotContain(PASSWORD);
            sessionIds.forEach(id -> assertThat(all).doesNotContain(id));
        } finally {
            context.getRootLogger().removeAppender(capture);
            capture.stop();
        }
    }
}
