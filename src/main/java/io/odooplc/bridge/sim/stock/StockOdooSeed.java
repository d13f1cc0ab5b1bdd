package io.odooplc.bridge.sim.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The feed mill's records in a stock Odoo: units (kg, g, t, Units) with their rounding, one raw-material product per PLC equipment with
 * Internal Reference {@code 40<id>} (the shipped memory map's {@code products:}), a premix no equipment doses
 * ({@code 90001}), the feed they make, maintenance equipment for silos 101-105 (serial number = equipment code), and
 * confirmed MOs of 1000 kg: three silos in kg, one in g, the molasses tank in kg, and the premix by hand, all of the
 * operation type "Manufacturing"; each raw move with one move line (its reservation).
 */
public final class StockOdooSeed {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] MATERIALS = {"PKE PELLET", "KOPRA", "POLLARD ANGSA", "JAGUNG GILING", "CGF",
        "ONGGOK", "DDGS JAGUNG", "AMPOK JAGUNG", "SAWIT", "KULIT KOPI", "KATUL", "KLENTENG", "BUNGKIL KEDELAI",
        "TETES", "MINYAK"};

    private final StockOdooDb db;
    private final Map<String, ObjectNode> uoms = new HashMap<>();
    private final Map<String, ObjectNode> products = new HashMap<>();
    private final Map<String, ObjectNode> operationTypes = new HashMap<>();
    private int moNumber;

    StockOdooSeed(StockOdooDb db) {
        this.db = db;
    }

    /** A component of an MO to add: product by Internal Reference, demand in the unit named. */
    public record Component(String productCode, double demand, String uom) {
    }

    void feedMill(int mos) {
        // Odoo's data gives every unit a rounding of 0.01; a plant may count grams whole, tonnes to the kg.
        for (String[] uom : new String[][] {{"kg", "0.01"}, {"g", "1"}, {"t", "0.001"}, {"Units", "1"}}) {
            uoms.put(uom[0], db.insert("uom.uom", JSON.objectNode().put("name", uom[0])
                    .put("rounding", new BigDecimal(uom[1]))));
        }
        for (int id = 101; id <= 115; id++) {
            product("40" + id, MATERIALS[id - 101]);
        }
        product("90001", "PREMIX VITAMIN");
        product("511", "FEED BR 511");
        if (db.maintenanceInstalled) {
            maintenanceEquipment();
        }
        for (int i = 0; i < mos; i++) {
            addMo(1000, "kg", List.of(new Component("40" + (101 + i % 3), 350, "kg"),
                    new Component("40" + (104 + i % 3), 250_000, "g"),
                    new Component("40" + (107 + i % 6), 300, "kg"),
                    new Component("40114", 40, "kg"),
                    new Component("90001", 60, "kg")));
        }
    }

    /** Maintenance equipment for silos 101-105, serial number = equipment code. */
    void maintenanceEquipment() {
        for (int id = 101; id <= 105; id++) {
            db.insert("maintenance.equipment", JSON.objectNode().put("name", "Silo " + (char) ('A' + id - 101))
                    .put("serial_no", "silo" + id));
        }
    }

    /** A confirmed MO of the feed with these components; its name, WH/MO/nnnnn in order. */
    public synchronized String addMo(double quantity, String uom, List<Component> components) {
        String name = String.format("WH/MO/%05d", ++moNumber);
        ObjectNode mo = db.insert("mrp.production", JSON.objectNode().put("name", name).put("state", "confirmed")
                .put("product_qty", quantity).put("qty_producing", 0)
                .set("product_id", m2o(products.get("511"))));
        mo.set("product_uom_id", m2o(uoms.get(uom)));
        mo.set("picking_type_id", m2o(typeNamed("Manufacturing")));
        ArrayNode moves = mo.putArray("move_raw_ids");
        for (Component c : components) {
            ObjectNode move = JSON.objectNode().put("product_uom_qty", c.demand()).put("state", "confirmed");
            move.set("raw_material_production_id", m2o(mo));
            move.set("product_id", m2o(products.get(c.productCode())));
            move.set("product_uom", m2o(uoms.get(c.uom())));
            move.put(db.doneField(), 0);
            if (db.picking()) {
                move.put("picked", false);
            }
            ObjectNode inserted = db.insert("stock.move", move);
            inserted.set("move_line_ids", JSON.arrayNode().add(line(inserted)));
            moves.add(inserted.get("id").asInt());
        }
        return name;
    }

    /** The MO made under another operation type (stock.picking.type), e.g. another production line's. */
    public synchronized void operationType(String mo, String typeName) {
        mo(mo).set("picking_type_id", m2o(typeNamed(typeName)));
    }

    private ObjectNode typeNamed(String name) {
        return operationTypes.computeIfAbsent(name, n -> db.insert("stock.picking.type",
                JSON.objectNode().put("name", n)));
    }

    /** The reservation of the MO's move of this product split over two move lines (two lots or locations). */
    public void splitReservation(String mo, String productCode) {
        ObjectNode move = move(mo, productCode);
        ((ArrayNode) move.get("move_line_ids")).add(line(move));
    }

    /** The done quantities of the move lines of the MO's move of this product, in order. */
    public List<BigDecimal> lineDone(String mo, String productCode) {
        List<BigDecimal> out = new ArrayList<>();
        move(mo, productCode).path("move_line_ids").forEach(id -> out.add(db.record("stock.move.line", id.asInt())
                .path(db.lineDoneField()).decimalValue()));
        return out;
    }

    private int line(ObjectNode move) {
        ObjectNode line = JSON.objectNode().put(db.lineDoneField(), 0);
        line.set("move_id", JSON.arrayNode().add(move.get("id").asInt()).add(move.path("product_id").path(1)));
        return db.insert("stock.move.line", line).get("id").asInt();
    }

    /**
     * The MO's product tracked by lot without one: button_mark_done does not close it, whatever the context (14-18
     * answer a wizard, 19 raises a UserError).
     */
    public void trackWithoutLot(String mo) {
        mo(mo).put("tracked", true);
    }

    /** Someone gave the tracked MO its lot in Odoo: button_mark_done can close it now. */
    public void giveLot(String mo) {
        mo(mo).remove("tracked");
    }

    ObjectNode mo(String name) {
        return db.all("mrp.production").stream().filter(m -> m.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no MO " + name));
    }

    /** The consumed quantity of the MO's move of this product, in the move's unit; 17+ only when picked. */
    public BigDecimal done(String mo, String productCode) {
        ObjectNode move = move(mo, productCode);
        if (db.picking() && !move.path("picked").asBoolean() && !"done".equals(move.path("state").asText())) {
            return BigDecimal.ZERO;
        }
        return move.path(db.doneField()).decimalValue();
    }

    public String uom(String mo, String productCode) {
        return move(mo, productCode).path("product_uom").path(1).asText();
    }

    /** Maintenance requests created, as name and equipment name (or false). */
    public List<String> maintenanceRequests() {
        return db.all("maintenance.request").stream().map(r -> r.path("name").asText() + " | "
                + (r.path("equipment_id").isArray() ? r.path("equipment_id").path(1).asText() : "no equipment"))
                .toList();
    }

    private ObjectNode move(String mo, String productCode) {
        int product = products.get(productCode).get("id").asInt();
        return db.movesOf(mo(mo)).stream().filter(m -> m.path("product_id").path(0).asInt() == product)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(mo + " has no move of " + productCode));
    }

    private void product(String code, String name) {
        products.put(code, db.insert("product.product", JSON.objectNode().put("default_code", code)
                .put("name", name).put("display_name", "[" + code + "] " + name)));
    }

    private static ArrayNode m2o(ObjectNode record) {
        String name = record.has("display_name") ? record.get("display_name").asText() : record.path("name").asText();
        return JSON.arrayNode().add(record.get("id").asInt()).add(name);
    }
}
