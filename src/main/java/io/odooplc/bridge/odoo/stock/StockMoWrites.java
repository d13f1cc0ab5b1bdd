package io.odooplc.bridge.odoo.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.odooplc.bridge.odoo.AddonRequests;
import io.odooplc.bridge.odoo.OdooReply;
import io.odooplc.bridge.odoo.OdooRequest;
import io.odooplc.bridge.odoo.stock.StockLines.RawMove;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * What task 3 changes on one MO of stock Odoo (bean {@code odooStockMo}): the PLC's actuals on its raw moves, then
 * closing or cancelling it. Every write is preceded by a read of the MO's state (never a write on a done MO), and
 * sets a value instead of adding to one, so a repeated post leaves Odoo as it was (plant-contract §7.4).
 */
public class StockMoWrites {

    /** Exchange properties: the MO as last read; the writes' summary; what button_mark_done answered. */
    public static final String MO = "stockMo";
    public static final String POSTED = "stockPosted";
    public static final String ANSWERED = "stockAnswered";
    /** Exchange properties: the raw moves read, until their units are; ODOO_UNMAPPED_COMPONENTS as the route sets it. */
    public static final String RAW_MOVES = "stockRawMoves";
    public static final String UNMAPPED = "unmappedComponents";

    private final StockConnection odoo;
    private final StockLines lines;

    public StockMoWrites(StockConnection odoo, StockLines lines) {
        this.odoo = odoo;
        this.lines = lines;
    }

    /** The MO by name: post-consumption's payload names it, the other operations' OdooMo header. */
    public OdooRequest findMo(Exchange exchange) {
        return odoo.call("mrp.production", "search_read", null, Map.of(
                "domain", List.of(List.of("name", "=", moName(exchange))),
                "fields", StockMoList.MO_FIELDS, "limit", 1));
    }

    public void keepMo(JsonNode found, Exchange exchange) throws OdooRefusedException {
        if (found.isEmpty()) {
            throw new OdooRefusedException("Odoo has no MO named '" + moName(exchange) + "'", true);
        }
        exchange.setProperty(MO, found.get(0));
    }

    /** Neither done nor cancelled. */
    public boolean isOpen(@ExchangeProperty(MO) JsonNode mo) {
        return !Set.of("done", "cancel").contains(mo.path("state").asText());
    }

    /** Post-consumption writes on an open MO only: a done one already holds its quantities in stock. */
    public OdooRequest moveSearch(@ExchangeProperty(MO) JsonNode mo) throws OdooRefusedException {
        if (!isOpen(mo)) {
            throw new OdooRefusedException("MO " + mo.path("name").asText() + " is " + mo.path("state").asText()
                    + " in Odoo: nothing written", true);
        }
        return lines.moveSearch(List.of(mo.path("id").asInt()));
    }

    /** The units of the MO and of its raw moves, in one call, for their rounding. */
    public OdooRequest uomSearch(List<RawMove> moves, @ExchangeProperty(MO) JsonNode mo, Exchange exchange) {
        exchange.setProperty(RAW_MOVES, moves);
        Set<Integer> ids = new LinkedHashSet<>();
        ids.add(Many2one.id(mo.path("product_uom_id")));
        moves.forEach(m -> ids.add(m.uomId()));
        return odoo.call("uom.uom", "search_read", null, Map.of(
                "domain", List.of(List.of("id", "in", List.copyOf(ids))),
                "fields", List.of("rounding"),
                "context", Map.of("active_test", false)));
    }

    /**
     * The writes of a post, in order: the MO's {@code qty_producing} (the PLC's finished weight in the MO's unit),
     * then per raw move the consumed quantity in its unit: for a mapped move its equipment's PLC actual (on the first
     * move of that equipment, 0 on the others), for an unmapped one as ODOO_UNMAPPED_COMPONENTS says; each rounded to
     * its unit's rounding. 14-15 write a move whose reservation is split over move lines on its lines; 17+ then mark
     * the moves written picked, or Odoo would cancel them at close instead of consuming them.
     */
    public List<OdooRequest> writes(JsonNode uoms, @ExchangeProperty(RAW_MOVES) List<RawMove> moves,
            @ExchangeProperty(MO) JsonNode mo, @ExchangeProperty(UNMAPPED) String unmappedSetting, Exchange exchange)
            throws OdooRefusedException {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = exchange.getProperty(StockConnection.INPUT, Map.class);
        UnmappedComponents unmapped = UnmappedComponents.of(unmappedSetting);
        Map<Integer, BigDecimal> rounding = new HashMap<>();
        uoms.forEach(u -> rounding.put(u.path("id").asInt(), u.path("rounding").decimalValue()));
        StockVersion version = odoo.version();
        List<OdooRequest> writes = new ArrayList<>();
        String name = mo.path("name").asText();
        int moId = mo.path("id").asInt();
        if (payload.get("quantity") instanceof Number finished) {
            String uom = Many2one.name(mo.path("product_uom_id"));
            BigDecimal perUnit = Kilograms.perUnit(uom).orElseThrow(() -> new OdooRefusedException(name
                    + ": its unit '" + uom + "' is not a weight (kg, g, t)", true));
            writes.add(odoo.call("mrp.production", "write", List.of(moId), Map.of("vals", Map.of("qty_producing",
                    Kilograms.toUnit(new BigDecimal(finished.toString()), perUnit,
                            roundingOf(rounding, Many2one.id(mo.path("product_uom_id"))))))));
        }
        Set<String> dosed = new HashSet<>();
        List<Integer> written = new ArrayList<>();
        int mapped = 0;
        for (RawMove m : moves) {
            BigDecimal quantity;
            if (m.equipmentCode() != null) {
                BigDecimal perUnit = m.kgPerUnit().orElseThrow(() -> new OdooRefusedException(name + ": component "
                        + m.productName() + " is in '" + m.uom() + "', not a weight (kg, g, t)", true));
                Object actual = payload.get(m.equipmentCode());
                BigDecimal kg = dosed.add(m.equipmentCode()) && actual instanceof Number n
                        ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
                quantity = Kilograms.toUnit(kg, perUnit, roundingOf(rounding, m.uomId()));
                mapped++;
            } else if (unmapped == UnmappedComponents.LEAVE) {
                continue;
            } else {
                quantity = unmapped == UnmappedComponents.ZERO ? BigDecimal.ZERO
                        : Kilograms.round(m.demand(), roundingOf(rounding, m.uomId()));
            }
            if (version.doneOnLines() && m.lineIds().size() > 1) {
                // All on the first line (Odoo's reservation order), 0 on the others: the PLC weighs one total per
                // equipment and knows no lots or locations to share it out by (plant-contract §7.4).
                writes.add(odoo.call("stock.move.line", "write", m.lineIds().subList(0, 1),
                        Map.of("vals", Map.of("qty_done", quantity))));
                writes.add(odoo.call("stock.move.line", "write", m.lineIds().subList(1, m.lineIds().size()),
                        Map.of("vals", Map.of("qty_done", BigDecimal.ZERO))));
            } else {
                writes.add(odoo.call("stock.move", "write", List.of(m.id()),
                        Map.of("vals", Map.of(version.doneField(), quantity))));
            }
            written.add(m.id());
        }
        if (version.picking() && !written.isEmpty()) {
            writes.add(odoo.call("stock.move", "write", written, Map.of("vals", Map.of("picked", true))));
        }
        List<String> notInMo = payload.keySet().stream()
                .filter(k -> !k.equals("mo_id") && !k.equals("quantity") && !dosed.contains(k)).toList();
        exchange.setProperty(POSTED, mapped + " dosed and " + (written.size() - mapped) + " other raw moves set"
                + (moves.size() > written.size() ? ", " + (moves.size() - written.size()) + " left as they were" : "")
                + (notInMo.isEmpty() ? "" : "; no raw move in the MO for " + notInMo));
        return writes;
    }

    /** A unit Odoo did not answer for (none is expected): Odoo's default rounding. */
    private static BigDecimal roundingOf(Map<Integer, BigDecimal> rounding, int uomId) {
        return rounding.getOrDefault(uomId, Kilograms.FINEST);
    }

    public OdooReply posted(@ExchangeProperty(MO) JsonNode mo, @ExchangeProperty(POSTED) String summary) {
        return new OdooReply(OdooReply.Outcome.SUCCESS, "MO " + mo.path("name").asText() + ": " + summary,
                MissingNode.getInstance());
    }

    /** Closes without the wizards, with the version's context. */
    public OdooRequest markDone(@ExchangeProperty(MO) JsonNode mo) {
        return odoo.call("mrp.production", "button_mark_done", List.of(mo.path("id").asInt()),
                Map.of("context", odoo.version().markDoneContext()));
    }

    public OdooRequest cancel(@ExchangeProperty(MO) JsonNode mo) {
        return odoo.call("mrp.production", "action_cancel", List.of(mo.path("id").asInt()), Map.of());
    }

    /** What Odoo answered, for the message: true, or the wizard or action it returned. */
    public void answered(JsonNode answer, Exchange exchange) {
        exchange.setProperty(ANSWERED, answer.isObject() ? answer.path("type").asText("a dict") + " "
                + answer.path("res_model").asText("") : answer.toString());
    }

    /** Success is the MO read again in state done, whatever button_mark_done answered (plant-contract §7.5). */
    public OdooReply doneReply(@ExchangeProperty(MO) JsonNode mo, Exchange exchange) {
        return stateReply(mo, exchange, "done", "closed");
    }

    /** Success is the MO read again cancelled: 14-18 answer true for a done MO too. */
    public OdooReply cancelReply(@ExchangeProperty(MO) JsonNode mo, Exchange exchange) {
        return stateReply(mo, exchange, "cancel", "cancelled");
    }

    private static OdooReply stateReply(JsonNode mo, Exchange exchange, String wanted, String verb) {
        String state = mo.path("state").asText();
        String name = mo.path("name").asText();
        String answered = exchange.getProperty(ANSWERED, String.class);
        if (wanted.equals(state)) {
            return new OdooReply(OdooReply.Outcome.SUCCESS, "MO " + name + " " + verb + (answered == null
                    ? " already" : ""), MissingNode.getInstance());
        }
        String message = "MO " + name + " is " + state + " in Odoo, not " + verb
                + (answered == null ? "" : " (Odoo answered " + answered.strip() + ")");
        // A done or cancelled MO stays so: another try cannot help.
        return new OdooReply(Set.of("done", "cancel").contains(state) ? OdooReply.Outcome.REJECTED : OdooReply.Outcome.FAILED, message,
                MissingNode.getInstance());
    }

    private static String moName(Exchange exchange) {
        Object payload = exchange.getProperty(StockConnection.INPUT);
        return payload instanceof Map<?, ?> map && map.containsKey("mo_id") ? String.valueOf(map.get("mo_id"))
                : String.valueOf(StockConnection.input(exchange, AddonRequests.MO));
    }
}
