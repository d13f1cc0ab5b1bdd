package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an MO in exactly the mo-list-detailed shape of the field samples (same keys, same order, false for empty
 * Odoo fields) and adds it to the stock. Defaults follow the samples: 1000 kg, kg, state confirmed, MO on PLC01.
 */
public final class MoBuilder {

    private static final DateTimeFormatter ODOO_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    /** Product ids for lines given by name only; far above the sample's 7xx-9xx so they never collide. */
    private static final int FIRST_ANONYMOUS_PRODUCT_ID = 5000;

    private final FakeOdooStock stock;
    private final String moId;
    private final List<MoLine> lines = new ArrayList<>();
    private MoState state = MoState.CONFIRMED;
    private LocalDateTime scheduleStart = LocalDateTime.of(2026, 2, 24, 12, 0);
    private String equipmentCode = "PLC01";
    private int productId = 832;
    private String productName = "[10092] JF SAPOT 1B";
    private double quantity = 1000.0;
    private int bomId = 70;

    MoBuilder(FakeOdooStock stock, String moId) {
        this.stock = stock;
        this.moId = moId;
    }

    public MoBuilder state(MoState newState) {
        this.state = newState;
        return this;
    }

    public MoBuilder scheduledAt(LocalDateTime start) {
        this.scheduleStart = start;
        return this;
    }

    /** The MO-level SCADA equipment; null makes the addon report "equipment": null, as for two of the samples. */
    public MoBuilder equipment(String code) {
        this.equipmentCode = code;
        return this;
    }

    public MoBuilder product(int id, String name) {
        this.productId = id;
        this.productName = name;
        return this;
    }

    public MoBuilder quantity(double kg) {
        this.quantity = kg;
        return this;
    }

    public MoBuilder bom(int id) {
        this.bomId = id;
        return this;
    }

    public MoBuilder component(MoLine line) {
        lines.add(line);
        return this;
    }

    /** A kg line whose product ids do not matter to the test. */
    public MoBuilder component(String productName, double kg, String equipmentCode) {
        int id = FIRST_ANONYMOUS_PRODUCT_ID + lines.size();
        return component(new MoLine(id, id, productName, kg, "kg", equipmentCode));
    }

    /** Adds the MO to the stock and returns what Odoo now holds for it. */
    public MoSnapshot add() {
        stock.add(build());
        return stock.mo(moId).orElseThrow();
    }

    ObjectNode build() {
        ObjectNode mo = JsonRpc.object();
        mo.put("mo_id", moId);
        mo.putNull("reference");
        mo.put("state", state.odooName());
        mo.put("schedule_start", ODOO_ISO.format(scheduleStart));
        mo.put("schedule_end", ODOO_ISO.format(scheduleStart.plusHours(1)));
        mo.set("equipment", equipmentOrNull(equipmentCode));
        mo.put("product_tmpl_id", productId);
        mo.put("product_id", productId);
        mo.put("product_name", productName);
        mo.put("quantity", quantity);
        mo.put("produced_qty", 0.0);
        mo.put("uom", "kg");
        mo.put("bom_id", bomId);
        mo.put("bom_code", false);
        ArrayNode bomComponents = mo.putArray("bom_components");
        ArrayNode consumption = mo.putArray("components_consumption");
        for (MoLine line : lines) {
            bomComponents.add(bomComponent(line));
            consumption.add(consumption(line));
        }
        return mo;
    }

    private static ObjectNode bomComponent(MoLine line) {
        ObjectNode node = productOf(line);
        node.put("quantity", line.quantity());
        node.put("uom", line.uom());
        return node;
    }

    private ObjectNode consumption(MoLine line) {
        ObjectNode node = productOf(line);
        node.put("to_consume", line.quantity());
        node.put("reserved", line.quantity());
        node.put("consumed", 0.0);
        node.put("uom", line.uom());
        node.set("equipment", equipmentOrNull(line.equipmentCode()));
        return node;
    }

    private static ObjectNode productOf(MoLine line) {
        ObjectNode node = JsonRpc.object();
        node.put("product_tmpl_id", line.productTmplId());
        node.put("product_id", line.productId());
        node.put("product_name", line.productName());
        return node;
    }

    private JsonNode equipmentOrNull(String code) {
        return code == null ? NullNode.instance : stock.equipment().get(code);
    }
}
