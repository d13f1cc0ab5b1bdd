package io.odooplc.bridge.odoo.stock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.odooplc.bridge.odoo.AddonRequests;
import io.odooplc.bridge.odoo.OdooReply;
import io.odooplc.bridge.odoo.OdooRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Task 5's report over stock Odoo (bean {@code odooStockMaintenance}): a {@code maintenance.request} for the
 * equipment whose {@code maintenance.equipment} has the equipment code as name or serial number, or without
 * equipment when none has (and the reply says so). Without the Maintenance app the model is missing: Odoo's error is
 * no business answer, so the failure stays stored and is offered again after the backoff.
 */
public class StockMaintenance {

    public static final String EQUIPMENT = "stockEquipment";

    private final StockConnection odoo;

    public StockMaintenance(StockConnection odoo) {
        this.odoo = odoo;
    }

    public OdooRequest equipmentSearch(Exchange exchange) {
        String code = String.valueOf(StockConnection.input(exchange, AddonRequests.EQUIPMENT));
        return odoo.call("maintenance.equipment", "search_read", null, Map.of(
                "domain", List.of("|", List.of("name", "=", code), List.of("serial_no", "=", code)),
                "fields", List.of("name"), "limit", 1));
    }

    /** request_date is a date: the day of the PLC's failure time (YYYY-MM-DD HH:MM:SS). */
    public OdooRequest create(JsonNode found, Exchange exchange) {
        String code = String.valueOf(StockConnection.input(exchange, AddonRequests.EQUIPMENT));
        String description = String.valueOf(StockConnection.input(exchange, AddonRequests.DESCRIPTION));
        String date = String.valueOf(StockConnection.input(exchange, AddonRequests.DATE));
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("name", "PLC failure " + code + ": " + description);
        vals.put("description", description + " (PLC, " + date + ")");
        vals.put("request_date", date.length() >= 10 ? date.substring(0, 10) : date);
        if (!found.isEmpty()) {
            vals.put("equipment_id", found.get(0).path("id").asInt());
            exchange.setProperty(EQUIPMENT, found.get(0).path("name").asText());
        }
        return odoo.call("maintenance.request", "create", null, Map.of("vals_list", List.of(vals)));
    }

    public OdooReply created(JsonNode ids, @ExchangeProperty(EQUIPMENT) String equipment, Exchange exchange) {
        int id = ids.isArray() ? ids.path(0).asInt() : ids.asInt();
        String code = String.valueOf(StockConnection.input(exchange, AddonRequests.EQUIPMENT));
        return new OdooReply(OdooReply.Outcome.SUCCESS, "maintenance.request " + id + " created" + (equipment == null
                ? " without equipment: no maintenance.equipment named or with serial number '" + code + "'"
                : " for equipment '" + equipment + "'"), MissingNode.getInstance());
    }
}
