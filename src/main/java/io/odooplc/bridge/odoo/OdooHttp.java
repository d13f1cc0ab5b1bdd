package io.odooplc.bridge.odoo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.odooplc.bridge.config.BridgeSettings.OdooCallSettings;
import io.odooplc.bridge.ops.BridgeMetrics;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * The Java half of one HTTP exchange with Odoo (route {@code odoo-http}): {@link #begin} puts the request's payload
 * and headers on the exchange before camel-http sends it; {@link #answer} reads what came back. camel-http's
 * {@code responseTimeout} bounds the wait for each packet; the answer's body is read here, so that a whole call ends
 * within ODOO_TIMEOUT even when Odoo sends its headers and then trickles or stalls the body (a watchdog aborts the
 * connection at the deadline), and so that no answer larger than ODOO_MAX_ANSWER_SIZE is held in memory. Every
 * exchange is counted ({@code bridge_odoo_calls_total}) and timed ({@code bridge_odoo_call_seconds}).
 */
public class OdooHttp {

    /** Exchange property: the {@link OdooRequest} in flight, kept aside because redelivery re-sends from here. */
    public static final String REQUEST = "odooRequest";
    /** Exchange property: tries of the request in flight, reset by route {@code odoo-send}. */
    public static final String TRIES = "odooTries";
    private static final String STARTED = "odooHttpStarted";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 8192;

    private final OdooCallSettings tuning;
    private final OdooSession session;
    private final BridgeMetrics metrics;
    private final String safeUrl;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "odoo-answer-deadline");
        t.setDaemon(true);
        return t;
    });

    public OdooHttp(OdooCallSettings tuning, OdooSession session, BridgeMetrics metrics, String safeUrl) {
        this.tuning = tuning;
        this.session = session;
        this.metrics = metrics;
        this.safeUrl = safeUrl;
    }

    /**
     * Before camel-http: the body becomes the request's payload (marshalled by camel-jackson next), the headers only
     * ours (no header of the task's exchange goes to Odoo), the session cookie on every call but a login.
     */
    public Object begin(Exchange exchange) {
        OdooRequest request = exchange.getProperty(REQUEST, OdooRequest.class);
        exchange.setProperty(TRIES, exchange.getProperty(TRIES, 0, Integer.class) + 1);
        exchange.setProperty(STARTED, System.nanoTime());
        exchange.setProperty("odooPath", request.path().path());
        var message = exchange.getMessage();
        message.removeHeaders("*", "Camel*");
        message.setHeader("Content-Type", "application/json");
        message.setHeader("Accept", "application/json");
        if (!request.path().isLogin()) {
            session.current().ifPresent(id -> message.setHeader("Cookie", "session_id=" + id));
        }
        return request.payload();
    }

    /**
     * After camel-http: the answer read within the deadline and the size cap, counted and classified. HTTP 5xx is
     * thrown as {@link OdooUnreachableException} (tried again); a 200 that is not JSON as {@link OdooBadAnswerException}.
     * Other statuses are returned: the login and the envelope decide what they mean.
     */
    public OdooAnswer answer(Exchange exchange) throws OdooUnreachableException, OdooBadAnswerException {
        OdooPath path = exchange.getProperty(REQUEST, OdooRequest.class).path();
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Optional<String> cookie = cookieOf(exchange.getMessage().getHeader("Set-Cookie"));
        String contentType = exchange.getMessage().getHeader("Content-Type", "", String.class);
        byte[] body;
        try {
            body = readWithinDeadline(exchange, path);
        } finally {
            exchange.getMessage().removeHeaders("*", "Camel*");
            time(path, exchange);
        }
        JsonNode json = parse(body);
        OdooAnswer answer = new OdooAnswer(path, status, json, cookie);
        String outcome = outcomeTag(answer);
        count(path, outcome);
        if (status >= 500) {
            throw new OdooUnreachableException("HTTP " + status + " from " + where(path) + tries(exchange));
        }
        if (status == 200 && json.isMissingNode()) {
            throw new OdooBadAnswerException("answer of " + where(path) + " is not JSON (" + contentType.strip()
                    + "): " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        return answer;
    }

    /** A failure inside camel-http (doCatch of route odoo-http): counted, and said without secrets. */
    public void unreachable(Exchange exchange) throws OdooUnreachableException, OdooBadAnswerException {
        OdooPath path = exchange.getProperty(REQUEST, OdooRequest.class).path();
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().removeHeaders("*", "Camel*");
        time(path, exchange);
        if (e instanceof ConnectTimeoutException) {
            count(path, "connection_error");
            throw new OdooUnreachableException("cannot connect to " + where(path) + " within "
                    + tuning.connectTimeout().toMillis() + " ms" + tries(exchange));
        }
        if (e instanceof SocketTimeoutException) {
            // A timed-out call already cost the whole ODOO_TIMEOUT: the batch's backoff tries it again, not this call.
            count(path, "timeout");
            throw new OdooBadAnswerException("no answer from " + where(path) + " within "
                    + tuning.timeout().toMillis() + " ms");
        }
        count(path, "connection_error");
        throw new OdooUnreachableException("cannot reach " + where(path) + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()) + tries(exchange));
    }

    /** " (after n tries)" on the last try of a call that was tried more than once. */
    private String tries(Exchange exchange) {
        int tries = exchange.getProperty(TRIES, 1, Integer.class);
        return tries > tuning.httpRetries() && tries > 1 ? " (after " + tries + " tries)" : "";
    }

    private byte[] readWithinDeadline(Exchange exchange, OdooPath path) throws OdooBadAnswerException {
        InputStream in = exchange.getMessage().getBody(InputStream.class);
        if (in == null) {
            return new byte[0];
        }
        long max = tuning.maxAnswerBytes();
        long declared = exchange.getMessage().getHeader("Content-Length", -1L, Long.class);
        if (declared > max) {
            abort(in);
            count(path, "too_large");
            throw tooLarge(path, declared + " bytes announced");
        }
        long leftNanos = tuning.timeout().toNanos() - (System.nanoTime() - exchange.getProperty(STARTED, Long.class));
        if (leftNanos <= 0) {
            abort(in);
            count(path, "timeout");
            throw new OdooBadAnswerException("no complete answer from " + where(path) + " within "
                    + tuning.timeout().toMillis() + " ms (its headers came too late)");
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            expired.set(true);
            abort(in);
        }, leftNanos, TimeUnit.NANOSECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                out.write(chunk, 0, n);
                if (out.size() > max) {
                    abort(in);
                    count(path, "too_large");
                    throw tooLarge(path, "more than that sent");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            count(path, expired.get() ? "timeout" : "connection_error");
            throw new OdooBadAnswerException((expired.get() ? "no complete answer from " + where(path) + " within "
                    + tuning.timeout().toMillis() + " ms" : "answer of " + where(path) + " broke off: "
                    + e.getClass().getSimpleName()) + " (" + out.size() + " bytes read)");
        } finally {
            deadline.cancel(false);
        }
    }

    private OdooBadAnswerException tooLarge(OdooPath path, String what) {
        return new OdooBadAnswerException("answer of " + where(path) + " is larger than ODOO_MAX_ANSWER_SIZE ("
                + tuning.maxAnswerBytes() + " bytes; " + what + "): not read");
    }

    /** Drops the connection instead of reading the rest of the answer, as a plain close would. */
    private static void abort(InputStream in) {
        try {
            if (in instanceof EofSensorInputStream sensor) {
                sensor.abort();
            } else {
                in.close();
            }
        } catch (IOException ignored) {
            // The connection is gone either way.
        }
    }

    private String where(OdooPath path) {
        return safeUrl + path.path();
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The session_id Odoo set; camel-http gives one Set-Cookie as a String, several as a List. */
    private static Optional<String> cookieOf(Object header) {
        List<?> values = header instanceof List<?> list ? list : header == null ? List.of() : List.of(header);
        for (Object value : values) {
            String first = value.toString().split(";", 2)[0].strip();
            if (first.startsWith("session_id=") && first.length() > "session_id=".length()) {
                return Optional.of(first.substring("session_id=".length()));
            }
        }
        return Optional.empty();
    }

    /** The outcome label of one HTTP exchange for bridge_odoo_calls_total. */
    private static String outcomeTag(OdooAnswer answer) {
        if (answer.sessionExpired()) {
            return "session_expired";
        }
        if (answer.status() != 200 || answer.json().isMissingNode()) {
            return "http_error";
        }
        if (OdooEnvelope.hasError(answer.json())) {
            return "rpc_error";
        }
        JsonNode payload = OdooEnvelope.payload(answer.json());
        if (!payload.has("status")) {
            return payload.path("uid").asInt() > 0 ? "success" : "unexpected";
        }
        return OdooEnvelope.reply(answer.json()).outcome().name().toLowerCase();
    }

    void count(OdooPath path, String outcome) {
        Counter.builder("bridge_odoo_calls_total").description("HTTP calls to Odoo by route and outcome")
                .tag("endpoint", path.path()).tag("outcome", outcome).register(metrics.registry()).increment();
    }

    private void time(OdooPath path, Exchange exchange) {
        Timer.builder("bridge_odoo_call_seconds").description("Duration of HTTP calls to Odoo")
                .tag("endpoint", path.path()).register(metrics.registry())
                .record(Duration.ofNanos(System.nanoTime() - exchange.getProperty(STARTED, Long.class)));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "...";
    }
}
