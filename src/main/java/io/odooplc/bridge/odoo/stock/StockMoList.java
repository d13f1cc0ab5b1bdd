package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.odooplc.bridge.odoo.AddonRequests;
import io.odooplc.bridge.odoo.OdooReply;
import io.odooplc.bridge.odoo.OdooRequest;
import io.odooplc.bridge.odoo.stock.StockLines.RawMove;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Task 1's list over stock Odoo (bean {@code odooStockMoList}): one page of confirmed {@code mrp.production} in
 * Odoo's default order, then their raw moves and products (see {@link StockLines}), answered in the shape the SCADA
 * addon's list has, so task 1 reads both alike: per MO {@code mo_id}, {@code state}, {@code quantity} (kg),
 * {@code product_name} and {@code components_consumption} with each move's demand in kg and its equipment code.
 * An MO whose own or a mapped move's unit is no weight carries {@code invalid} with why: it is not staged.
 * ODOO_MO_DOMAIN's terms follow the state term: Odoo and-s the top-level terms of a domain (plant-contract §7.3).
 */
public class StockMoList {

    public static final String MOS = "stockMos";
    static final List<String> MO_FIELDS = List.of("name", "state", "product_id", "product_qty", "product_uom_id",
            "qty_producing");

    private final StockConnection odoo;
    private final StockLines lines;
    private final List<Object> domain;

    /** {@code extraDomain}: ODOO_MO_DOMAIN, checked at start-up (empty for none). */
    public StockMoList(StockConnection odoo, StockLines lines, List<Object> extraDomain) {
        this.odoo = odoo;
        this.lines = lines;
        List<Object> all = new ArrayList<>();
        all.add(List.of("state", "=", "confirmed"));
        all.addAll(extraDomain);
        this.domain = List.copyOf(all);
    }

    public OdooRequest moSearch(Exchange exchange) {
        return odoo.call("mrp.production", "search_read", null, Map.of(
                "domain", domain,
                "fields", MO_FIELDS,
                "limit", StockConnection.input(exchange, AddonRequests.LIMIT),
                "offset", StockConnection.input(exchange, AddonRequests.OFFSET)));
    }

    public OdooRequest moveSearch(JsonNode mos, Exchange exchange) {
        exchange.setProperty(MOS, mos);
        return lines.moveSearch(StockLines.ids(mos));
    }

    public OdooReply reply(List<RawMove> moves, @ExchangeProperty(MOS) JsonNode mos) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        for (JsonNode mo : mos) {
            data.add(addonShape(mo, moves));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", "success");
        body.set("data", data);
        return new OdooReply(OdooReply.Outcome.SUCCESS, data.size() + " MOs", body);
    }

    private static ObjectNode addonShape(JsonNode mo, List<RawMove> moves) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String name = mo.path("name").asText();
        out.put("mo_id", name);
        out.put("state", mo.path("state").asText());
        out.put("product_name", Many2one.name(mo.path("product_id")));
        String moUom = Many2one.name(mo.path("product_uom_id"));
        Optional<BigDecimal> moKg = Kilograms.perUnit(moUom);
        if (moKg.isPresent()) {
            out.put("quantity", Kilograms.toKg(mo.path("product_qty").decimalValue(), moKg.get()));
        } else {
            out.put("invalid", name + ": its unit '" + moUom + "' is not a weight (kg, g, t)");
        }
        ArrayNode components = out.putArray("components_consumption");
        int id = mo.path("id").asInt();
        for (RawMove m : moves) {
            if (m.moId() != id) {
                continue;
            }
            ObjectNode c = components.addObject();
            c.put("product_name", m.productName());
            if (m.kgPerUnit().isPresent()) {
                c.put("to_consume", Kilograms.toKg(m.demand(), m.kgPerUnit().get()));
            } else if (m.equipmentCode() != null && !out.has("invalid")) {
                out.put("invalid", name + ": component " + m.productName() + " (move " + m.id() + ") is in '"
                        + m.uom() + "', not a weight (kg, g, t)");
            }
            if (m.equipmentCode() != null) {
                c.putObject("equipment").put("code", m.equipmentCode());
            }
        }
        return out;
    }
}
