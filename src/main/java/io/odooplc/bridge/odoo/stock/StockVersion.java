package io.odooplc.bridge.odoo.stock;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between stock Odoo's major versions, as the bridge uses them (plant-contract §7): the transport
 * (JSON-RPC up to 18, JSON-2 from 19), the fields of a raw move's done quantity, and the context of
 * {@code button_mark_done}.
 */
public record StockVersion(int major, String serverVersion) {

    public static final int OLDEST = 14;
    public static final int FIRST_JSON2 = 19;
    private static final Pattern MAJOR = Pattern.compile("(\\d+)");

    /** From common.version's server_version ("17.0", "saas~18.1", "19.0+e"). */
    public static StockVersion parse(String serverVersion) {
        Matcher m = MAJOR.matcher(serverVersion == null ? "" : serverVersion);
        return new StockVersion(m.find() ? Integer.parseInt(m.group(1)) : 0, serverVersion);
    }

    public boolean supported() {
        return major >= OLDEST;
    }

    /** 19+: JSON-2 with a bearer API key; before: JSON-RPC /jsonrpc with login, uid and password. */
    public boolean json2() {
        return major >= FIRST_JSON2;
    }

    /** 17+: a move's done quantity is {@code quantity}, counted only when {@code picked}; 14-16 {@code quantity_done}. */
    public boolean picking() {
        return major >= 17;
    }

    /** The raw move's field holding the consumed quantity. */
    public String doneField() {
        return picking() ? "quantity" : "quantity_done";
    }

    /**
     * 14-15 refuse a raw move's done quantity when its reservation is split over two or more move lines: the bridge
     * writes the lines' {@code qty_done} instead (plant-contract §7.4).
     */
    public boolean doneOnLines() {
        return major <= 15;
    }

    /** Raw move fields the bridge reads. */
    public List<String> moveFields() {
        return picking()
                ? List.of("raw_material_production_id", "product_id", "product_uom_qty", "product_uom", "state",
                        "move_line_ids", "quantity", "picked")
                : List.of("raw_material_production_id", "product_id", "product_uom_qty", "product_uom", "state",
                        "move_line_ids", "quantity_done");
    }

    /** Closes without the immediate-production (14-16), consumption-warning and backorder wizards. */
    public Map<String, Object> markDoneContext() {
        return picking()
                ? Map.of("skip_consumption", true, "skip_backorder", true, "skip_redirection", true)
                : Map.of("skip_immediate", true, "skip_consumption", true, "skip_backorder", true);
    }

    public String transport() {
        return json2() ? "JSON-2 /json/2" : "JSON-RPC /jsonrpc";
    }
}
