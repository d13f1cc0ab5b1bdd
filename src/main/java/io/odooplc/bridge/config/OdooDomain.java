package io.odooplc.bridge.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ODOO_MO_DOMAIN: an Odoo search domain in Odoo's own JSON notation, and-ed with task 1's {@code state = confirmed}
 * on stock Odoo (plant-contract §7.3). Checked at start-up as Odoo would read it: a JSON array of terms, each a leaf
 * {@code [field, operator, value]} with a field name and an operator Odoo knows, or {@code "&"}, {@code "|"} (two
 * operands) or {@code "!"} (one) before its operands in prefix notation, every operator with all its operands. A
 * domain Odoo would refuse would otherwise fail every task 1 run.
 */
public final class OdooDomain {

    /** Odoo 14-19's leaf operators ({@code any}, {@code not any}: 17 and later). */
    private static final List<String> OPERATORS = List.of("=", "!=", "<>", "<", "<=", ">", ">=", "=?", "=like",
            "=ilike", "like", "not like", "ilike", "not ilike", "in", "not in", "child_of", "parent_of", "any",
            "not any");
    public static final String ALLOWED = "a JSON array of Odoo domain terms: [\"field\", \"operator\", value] with one "
            + "of the operators " + String.join(" ", OPERATORS) + ", or \"&\", \"|\", \"!\" before their operands; "
            + "e.g. [[\"picking_type_id.name\", \"=\", \"Feed line 1\"]]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OdooDomain() {
    }

    /** The domain's terms as Jackson reads them (lists, strings, numbers, booleans, null); empty for none. */
    public static List<Object> parse(String setting, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        JsonNode domain;
        try {
            domain = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw invalid(setting, value, "not JSON");
        }
        if (domain == null || !domain.isArray()) {
            throw invalid(setting, value, "not a JSON array");
        }
        int i = 0;
        while (i < domain.size()) {
            i = expression(setting, value, domain, i);
        }
        return Collections.unmodifiableList(JSON.convertValue(domain, ArrayList.class));
    }

    /** Checks the expression starting at term {@code i}; returns the index after it. */
    private static int expression(String setting, String value, JsonNode domain, int i) {
        if (i >= domain.size()) {
            throw invalid(setting, value, "an operator lacks its operands");
        }
        JsonNode term = domain.get(i);
        if (term.isTextual()) {
            int operands = switch (term.asText()) {
                case "&", "|" -> 2;
                case "!" -> 1;
                default -> throw invalid(setting, value, "term " + (i + 1) + " " + term + " is not \"&\", \"|\" "
                        + "or \"!\"");
            };
            int next = i + 1;
            for (int k = 0; k < operands; k++) {
                next = expression(setting, value, domain, next);
            }
            return next;
        }
        if (!term.isArray() || term.size() != 3 || !term.get(0).isTextual() || term.get(0).asText().isBlank()
                || !term.get(1).isTextual() || !OPERATORS.contains(term.get(1).asText())) {
            throw invalid(setting, value, "term " + (i + 1) + " " + term + " is not [field, operator, value]");
        }
        return i + 1;
    }

    private static InvalidSettingException invalid(String setting, String value, String why) {
        return new InvalidSettingException(setting, value, why + "; " + ALLOWED);
    }
}
