package io.odooplc.bridge.fins;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.plc4x.java.api.exceptions.PlcConnectionException;

/**
 * The options of a FINS connection string, {@code fins:udp://host[:port][?option=value&...]} or
 * {@code fins:tcp://...}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><td>client-node</td><td>SA1, this client's FINS node, 0..254 (default 1). Over TCP it is sent in the
 *       handshake; 0 asks the PLC to assign one, and the assigned node is used.</td></tr>
 *   <tr><td>plc-node</td><td>DA1, the PLC's FINS node, 0..254 (default 0: the node of the unit addressed). Over TCP
 *       the node the PLC reports in the handshake is used.</td></tr>
 *   <tr><td>network</td><td>DNA and SNA, the FINS network number, 0..127 (default 0: local network).</td></tr>
 *   <tr><td>unit</td><td>DA2, the unit address, 0..254 (default 0: CPU unit).</td></tr>
 *   <tr><td>request-timeout</td><td>milliseconds to wait for each answer, 1..60000 (default 2000).</td></tr>
 *   <tr><td>retries</td><td>how often a request that got no answer is sent again, 0..10 (default 2).</td></tr>
 * </table>
 *
 * <p>Parameters of the camel-plc4x endpoint itself ({@code tag.*}, {@code autoReconnect}, ...) reach the driver as
 * part of the URI, because camel-plc4x passes its whole endpoint URI on; they are ignored. Anything else unknown is an
 * error, so a misspelt option never silently falls back to its default.
 */
public record FinsConfiguration(Transport transport, String host, int port, FinsNodes nodes, Duration requestTimeout,
                                int retries) {

    public enum Transport { UDP, TCP }

    public static final int DEFAULT_PORT = 9600;

    private static final Pattern URL = Pattern.compile(
            "^fins:(?<transport>udp|tcp)://(?<host>[^:/?]+)(?::(?<port>\\d{1,5}))?/?(?:\\?(?<query>.*))?$");

    private static final Set<String> OPTIONS =
            Set.of("client-node", "plc-node", "network", "unit", "request-timeout", "retries");

    /** Parameters camel-plc4x leaves in the URI it hands to the driver. */
    private static final Set<String> CAMEL_ENDPOINT_OPTIONS = Set.of("autoReconnect", "trigger", "period", "tags",
            "lazyStartProducer", "bridgeErrorHandler", "exceptionHandler", "exchangePattern");

    public static FinsConfiguration parse(String url) throws PlcConnectionException {
        Matcher m = URL.matcher(url == null ? "" : url);
        if (!m.matches()) {
            throw new PlcConnectionException("Invalid FINS connection string '" + url
                    + "': expected fins:udp://host[:port][?options] or fins:tcp://host[:port][?options]");
        }
        Map<String, String> options = options(url, m.group("query"));
        int port = m.group("port") == null ? DEFAULT_PORT : range(url, "port", m.group("port"), 1, 65535);
        FinsNodes nodes = new FinsNodes(
                number(url, options, "network", 0, 0, 127),
                number(url, options, "plc-node", 0, 0, 254),
                number(url, options, "unit", 0, 0, 254),
                number(url, options, "client-node", 1, 0, 254));
        return new FinsConfiguration(
                Transport.valueOf(m.group("transport").toUpperCase()),
                m.group("host"),
                port,
                nodes,
                Duration.ofMillis(number(url, options, "request-timeout", 2000, 1, 60000)),
                number(url, options, "retries", 2, 0, 10));
    }

    /** host:port as logs and errors show it. */
    public String endpoint() {
        return transport.name().toLowerCase() + "://" + host + ":" + port;
    }

    private static Map<String, String> options(String url, String query) throws PlcConnectionException {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (OPTIONS.contains(name)) {
                options.put(name, value);
            } else if (!name.startsWith("tag.") && !CAMEL_ENDPOINT_OPTIONS.contains(name)) {
                throw new PlcConnectionException("Invalid FINS connection string '" + url + "': unknown option '"
                        + name + "'; allowed: " + OPTIONS);
            }
        }
        return options;
    }

    private static int number(String url, Map<String, String> options, String name, int defaultValue, int min,
                              int max) throws PlcConnectionException {
        String value = options.get(name);
        return value == null ? defaultValue : range(url, name, value, min, max);
    }

    private static int range(String url, String name, String value, int min, int max) throws PlcConnectionException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new PlcConnectionException("Invalid FINS connection string '" + url + "': " + name + "='" + value
                + "' is not a whole number in " + min + ".." + max);
    }
}
