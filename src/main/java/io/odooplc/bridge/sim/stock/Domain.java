package io.odooplc.bridge.sim.stock;

import java.util.Iterator;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * Odoo's search domain in prefix notation, as far as the bridge and an ODOO_MO_DOMAIN use it: leaves
 * {@code [field, op, value]} with =, !=, in, not in, like, ilike, <, <=, >, >=; {@code "|"} and {@code "&"} before
 * two terms, {@code "!"} before one; terms side by side are and-ed. A many2one field compares by its id, and a dotted
 * path ({@code picking_type_id.name}) follows it to the related record. A field the model does not have is Odoo's
 * ValueError, as in a search.
 */
final class Domain {

    private Domain() {
    }

    static boolean matches(JsonNode domain, String model, JsonNode record, StockOdooDb db) {
        Iterator<JsonNode> terms = domain.iterator();
        boolean all = true;
        while (terms.hasNext()) {
            all &= term(terms, model, record, db);
        }
        return all;
    }

    private static boolean term(Iterator<JsonNode> terms, String model, JsonNode record, StockOdooDb db) {
        JsonNode t = terms.next();
        if (t.isTextual()) {
            boolean first = term(terms, model, record, db);
            return switch (t.asText()) {
                case "!" -> !first;
                case "|" -> term(terms, model, record, db) || first;
                case "&" -> term(terms, model, record, db) && first;
                default -> throw OdooError.user("Invalid domain term " + t);
            };
        }
        JsonNode compared = value(model, record, t.get(0).asText(), db);
        JsonNode operand = t.get(2);
        return switch (t.get(1).asText()) {
            case "=" -> same(compared, operand);
            case "!=" -> !same(compared, operand);
            case "in" -> contains(operand, compared);
            case "not in" -> !contains(operand, compared);
            case "like" -> compared.asText().contains(operand.asText());
            case "ilike" -> compared.asText().toLowerCase(Locale.ROOT)
                    .contains(operand.asText().toLowerCase(Locale.ROOT));
            case "<" -> compare(compared, operand) < 0;
            case "<=" -> compare(compared, operand) <= 0;
            case ">" -> compare(compared, operand) > 0;
            case ">=" -> compare(compared, operand) >= 0;
            default -> throw OdooError.user("Invalid domain operator " + t.get(1));
        };
    }

    /** The field's value on the record, a many2one as its id; a dotted path read on the related record. */
    private static JsonNode value(String model, JsonNode record, String path, StockOdooDb db) {
        int dot = path.indexOf('.');
        String field = db.checked(model, dot < 0 ? path : path.substring(0, dot));
        JsonNode value = record.path(field);
        JsonNode id = value.isArray() && !value.isEmpty() ? value.get(0) : value;
        if (dot < 0) {
            return id;
        }
        String target = db.relation(model, field);
        if (!id.isInt()) {
            return BooleanNode.FALSE;
        }
        return value(target, db.record(target, id.asInt()), path.substring(dot + 1), db);
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

    private static int compare(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue())
                : a.asText().compareTo(b.asText());
    }
}
