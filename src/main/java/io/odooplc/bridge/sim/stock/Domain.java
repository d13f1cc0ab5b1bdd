package io.odooplc.bridge.sim.stock;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Odoo's search domain in prefix notation, as far as the bridge uses it: leaves {@code [field, op, value]} with
 * =, !=, in, not in; {@code "|"} and {@code "&"} before two terms; terms side by side are and-ed. A many2one field
 * compares by its id.
 */
final class Domain {

    private Domain() {
    }

    static boolean matches(JsonNode domain, JsonNode record) {
        Iterator<JsonNode> terms = domain.iterator();
        boolean all = true;
        while (terms.hasNext()) {
            all &= term(terms, record);
        }
        return all;
    }

    private static boolean term(Iterator<JsonNode> terms, JsonNode record) {
        JsonNode t = terms.next();
        if (t.isTextual()) {
            boolean left = term(terms, record);
            boolean right = term(terms, record);
            return t.asText().equals("|") ? left || right : left && right;
        }
        JsonNode value = record.path(t.get(0).asText());
        JsonNode compared = value.isArray() && !value.isEmpty() ? value.get(0) : value;
        JsonNode operand = t.get(2);
        return switch (t.get(1).asText()) {
            case "=" -> same(compared, operand);
            case "!=" -> !same(compared, operand);
            case "in" -> contains(operand, compared);
            case "not in" -> !contains(operand, compared);
            default -> throw OdooError.user("Invalid domain operator " + t.get(1));
        };
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode v : list) {
            if (same(value, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0
                : a.asText().equals(b.asText());
    }
}
