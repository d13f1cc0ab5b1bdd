package io.odooplc.bridge.odoo.stock;

import com.fasterxml.jackson.databind.JsonNode;

/** Odoo's many2one as read: {@code [id, "display name"]}, or {@code false} when empty. */
final class Many2one {

    private Many2one() {
    }

    static int id(JsonNode value) {
        return value.isArray() ? value.path(0).asInt() : 0;
    }

    static String name(JsonNode value) {
        return value.isArray() ? value.path(1).asText() : null;
    }
}
