package io.odooplc.bridge.ops;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.support.FreePorts;
import io.odooplc.bridge.support.LogCapture;
import io.odooplc.bridge.support.RunningBridge;
import org.apache.camel.processor.errorhandler.DefaultErrorHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL down: the read APIs answer 503 with a JSON message and log one line per request, no stack trace. */
class ApiDatabaseDownTest {

    @Test
    void batchesAndFailuresAnswer503WithAMessage() throws Exception {
        Map<String, String> s = RunningBridge.testSettings();
        s.put("DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:" + FreePorts.next() + "/postgres");
        try (RunningBridge bridge = RunningBridge.start(s);
                LogCapture api = LogCapture.of(ApiErrors.class);
                LogCapture camel = LogCapture.of(DefaultErrorHandler.class)) {
            for (String path : new String[] {"/api/batches", "/api/failures", "/api/batches/7"}) {
                HttpResponse<String> r = bridge.get(path);
                assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(503);
                assertThat(new ObjectMapper().readTree(r.body()).path("error").asText())
                        .contains("database unavailable");
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                        .startsWith("application/json"));
            }
            assertThat(api.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("WARN ")
                    .contains("503, database unavailable"));
            assertThat(camel.lines()).isEmpty();
        }
    }
}
