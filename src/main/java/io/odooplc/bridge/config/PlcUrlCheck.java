package io.odooplc.bridge.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.odooplc.bridge.fins.FinsConfiguration;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;

/**
 * The start-up check of a PLC_URL beyond its protocol, so a bad port or option stops the bridge with one line
 * instead of failing every route start or every run later. A FINS URL is read by the FINS driver's own parser (the
 * check and the driver cannot disagree); a Modbus URL needs a port 1..65535 and a whole-number request-timeout.
 */
final class PlcUrlCheck {

    private static final Pattern MODBUS = Pattern.compile(
            "^modbus-tcp://(?<host>[^:/?]+)(?::(?<port>[^/?]*))?/?(?:\\?(?<query>.*))?$");
    private static final String MODBUS_FORM = "modbus-tcp://host[:port][?options], port 1..65535";

    private PlcUrlCheck() {
    }

    static void check(String url) {
        if (url.startsWith("fins:")) {
            try {
                FinsConfiguration.parse(url);
            } catch (PlcConnectionException e) {
                String prefix = "Invalid FINS connection string '" + url + "': ";
                String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                        : e.getMessage();
                throw new InvalidSettingException("PLC_URL", url, reason);
            }
            return;
        }
        Matcher m = MODBUS.matcher(url);
        if (!m.matches()) {
            throw new InvalidSettingException("PLC_URL", url, MODBUS_FORM);
        }
        if (m.group("port") != null && !isWithin(m.group("port"), 1, 65535)) {
            throw new InvalidSettingException("PLC_URL", url, "port '" + m.group("port") + "' is not a TCP port: "
                    + MODBUS_FORM);
        }
        if (m.group("query") != null) {
            for (String pair : m.group("query").split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals("request-timeout") && !isWithin(value, 1, 600_000)) {
                    throw new InvalidSettingException("PLC_URL", url, "request-timeout='" + value
                            + "' is not a whole number of milliseconds 1..600000");
                }
            }
        }
    }

    private static boolean isWithin(String text, int min, int max) {
        if (!text.matches("[0-9]{1,9}")) {
            return false;
        }
        int n = Integer.parseInt(text);
        return n >= min && n <= max;
    }
}
