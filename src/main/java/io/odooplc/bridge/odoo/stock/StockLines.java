package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.odoo.OdooRequest;
import io.odooplc.bridge.plc.Equipment;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The raw moves of MOs (bean {@code odooStockLines}): the two reads both operations on components make, all MOs'
 * moves that are not done or cancelled in one call and their products' Internal References in another, and each
 * move with the PLC equipment its product is mapped to (the memory map's {@code products:}) and its unit in kg.
 */
public class StockLines {

    /** Exchange property: the moves read, until their products are read too. */
    public static final String MOVES = "stockMoves";

    /**
     * One raw move; {@code equipmentCode} null when its product is on no equipment, {@code kgPerUnit} empty when its
     * unit is no weight; {@code lineIds} its move lines (reservations), in Odoo's order.
     */
    public record RawMove(int id, int moId, String productName, int uomId, String uom, BigDecimal demand,
            String equipmentCode, Optional<BigDecimal> kgPerUnit, List<Integer> lineIds) {
    }

    private final StockConnection odoo;
    private final Map<String, String> equipmentByProduct = new HashMap<>();

    public StockLines(StockConnection odoo, List<Equipment> equipment) {
        this.odoo = odoo;
        equipment.forEach(e -> e.products().forEach(p -> equipmentByProduct.put(p, e.code())));
    }

    /** The raw moves, not done or cancelled, of the MOs with these ids. */
    public OdooRequest moveSearch(List<Integer> moIds) {
        return odoo.call("stock.move", "search_read", null, Map.of(
                "domain", List.of(List.of("raw_material_production_id", "in", moIds),
                        List.of("state", "not in", List.of("done", "cancel"))),
                "fields", odoo.version().moveFields()));
    }

    /** The moves' products (archived ones too), for their Internal References. */
    public OdooRequest productSearch(JsonNode moves, Exchange exchange) {
        exchange.setProperty(MOVES, moves);
        Set<Integer> ids = new LinkedHashSet<>();
        moves.forEach(m -> ids.add(Many2one.id(m.path("product_id"))));
        return odoo.call("product.product", "search_read", null, Map.of(
                "domain", List.of(List.of("id", "in", List.copyOf(ids))),
                "fields", List.of("default_code"),
                "context", Map.of("active_test", false)));
    }

    /** The moves read, with their equipment and unit, in Odoo's order. */
    public List<RawMove> lines(JsonNode products, @ExchangeProperty(MOVES) JsonNode moves) {
        Map<Integer, String> codes = new HashMap<>();
        products.forEach(p -> codes.put(p.path("id").asInt(), p.path("default_code").isTextual()
                ? p.path("default_code").asText().strip() : null));
        List<RawMove> out = new ArrayList<>();
        for (JsonNode m : moves) {
            String uom = Many2one.name(m.path("product_uom"));
            String code = codes.get(Many2one.id(m.path("product_id")));
            List<Integer> lineIds = new ArrayList<>();
            m.path("move_line_ids").forEach(l -> lineIds.add(l.asInt()));
            out.add(new RawMove(m.path("id").asInt(), Many2one.id(m.path("raw_material_production_id")),
                    Many2one.name(m.path("product_id")), Many2one.id(m.path("product_uom")), uom,
                    m.path("product_uom_qty").decimalValue(), code == null ? null : equipmentByProduct.get(code),
                    Kilograms.perUnit(uom), lineIds));
        }
        return out;
    }

    static List<Integer> ids(JsonNode records) {
        List<Integer> ids = new ArrayList<>();
        records.forEach(r -> ids.add(r.path("id").asInt()));
        return ids;
    }
}
