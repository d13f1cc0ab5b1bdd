package io.odooplc.bridge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One setting, declared once in {@link SettingsSchema} the way a kamelet declares its properties: name, default,
 * type with its rule in words, a one-line description and the group it belongs to. {@link BridgeSettings} reads values
 * by their declared type; {@code application.properties}, {@code .env.example} and the README's configuration table
 * are checked against these declarations by {@code SettingsDocumentationTest}, and start-up validation by
 * {@code SettingsValidationTest}.
 *
 * @param defaultValue the value in {@code application.properties}, null when the setting is unset by default
 * @param description  the README table's "Meaning" for it
 */
public record Setting(String name, String defaultValue, Type type, String description, Group group) {

    /** The sections of {@code .env.example}, in its order. */
    public enum Group {
        SCHEDULER("Scheduler"),
        TASKS("Tasks"),
        POSTGRESQL("PostgreSQL"),
        PLC_MAP("PLC memory map"),
        PLC("PLC"),
        ODOO("Odoo"),
        OPERATIONS("Operations");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Reads one value; raises {@link InvalidSettingException} naming the setting when the value is not allowed. */
    @FunctionalInterface
    public interface Parser {
        Object parse(String setting, String value);
    }

    /**
     * What values a setting takes: a JSON-schema-like name, the rule as the start-up error states it, the parser
     * (null when the rule involves other settings and only {@link BridgeSettings} can apply it), and values the rule
     * refuses, which the validation test feeds to the bridge.
     */
    public record Type(String name, String allowed, Parser parser, List<String> refused) {

        public static Type flag() {
            return new Type("boolean", Values.BOOLEAN_ALLOWED, Values::parseBoolean, List.of("maybe"));
        }

        public static Type wholeNumber(int min, int max, String allowed) {
            List<String> refused = new ArrayList<>(List.of("1.5"));
            if (min > Integer.MIN_VALUE) {
                refused.add(Integer.toString(min - 1));
            }
            if (max < Integer.MAX_VALUE) {
                refused.add(Integer.toString(max + 1));
            }
            return new Type("integer", allowed, (s, v) -> Values.parseInt(s, v, min, max, allowed), refused);
        }

        public static Type duration(Duration min) {
            List<String> refused = new ArrayList<>(List.of("soon"));
            if (!min.isZero()) {
                refused.add(min.minusMillis(1).toMillis() + "ms");
            }
            return new Type("duration", "a duration such as 500ms, 10s, 5m, 1h (at least " + Values.format(min) + ")",
                    (s, v) -> Values.parseDuration(s, v, min), refused);
        }

        public static Type positiveDecimal(String allowed) {
            return new Type("number", allowed, (s, v) -> Values.parsePositiveDecimal(s, v, allowed),
                    List.of("0", "two"));
        }

        public static Type byteSize() {
            return new Type("size", "a size such as 32MB, 512KB or 1GB (at least 1KB)", Values::parseByteSize,
                    List.of("0KB", "32 MiB"));
        }

        /** One of {@code values}, in any case. */
        public static Type choice(String allowed, String... values) {
            return new Type("enum", allowed, (s, v) -> {
                String lower = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
                if (!List.of(values).contains(lower)) {
                    throw new InvalidSettingException(s, v, allowed);
                }
                return lower;
            }, List.of("other"));
        }

        /** Any text; a blank value counts as unset. */
        public static Type text() {
            return new Type("string", "any text", (s, v) -> v, List.of());
        }

        /** A value checked by {@link BridgeSettings} together with other settings. */
        public static Type checked(String name, String allowed, String... refused) {
            return new Type(name, allowed, null, List.of(refused));
        }
    }
}
