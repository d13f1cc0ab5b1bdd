package io.odooplc.bridge.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of setting values, shared by start-up validation and the route property functions. */
public final class Values {

    public static final String BOOLEAN_ALLOWED = "true or false (any case; also 1/0, yes/no)";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern BYTE_SIZE = Pattern.compile("(\\d{1,12})\\s*(KB|MB|GB)");

    private Values() {
    }

    public static boolean parseBoolean(String variable, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidSettingException(variable, value, BOOLEAN_ALLOWED);
        };
    }

    /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}, or a combination {@code 1m30s}. */
    public static Duration parseDuration(String variable, String value, Duration min) {
        String allowed = "a duration such as 500ms, 10s, 5m, 1h (at least " + format(min) + ")";
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(v);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (v.isEmpty() || end != v.length() || total.compareTo(min) < 0) {
            throw new InvalidSettingException(variable, value, allowed);
        }
        return total;
    }

    public static int parseInt(String variable, String value, int min, int max, String allowed) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n < min || n > max) {
                throw new InvalidSettingException(variable, value, allowed);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(variable, value, allowed);
        }
    }

    /** A size in bytes such as {@code 32MB}, {@code 512KB}, {@code 1GB} (powers of 1024), at least 1KB. */
    public static long parseByteSize(String variable, String value) {
        Matcher m = BYTE_SIZE.matcher(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            int shift = switch (m.group(2)) {
                case "KB" -> 10;
                case "MB" -> 20;
                default -> 30;
            };
            if (n > 0 && n <= (Long.MAX_VALUE >> shift)) {
                return n << shift;
            }
        }
        throw new InvalidSettingException(variable, value, "a size such as 32MB, 512KB or 1GB (at least 1KB)");
    }

    public static double parsePositiveDecimal(String variable, String value, String allowed) {
        try {
            double d = Double.parseDouble(value == null ? "" : value.trim());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new InvalidSettingException(variable, value, allowed);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(variable, value, allowed);
        }
    }

    /** Short human form for logs: 90000 ms -> "1m30s". */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        long[] units = {86400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                out.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return out.toString();
    }
}
