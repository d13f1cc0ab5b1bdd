package io.odooplc.bridge.sim.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of a stock Odoo database of one major version and the model methods the bridge calls, with the
 * behaviour that differs between versions: the fields each has (asking for another is Odoo's ValueError), the
 * done quantity of a raw move ({@code quantity_done} 14-16, {@code quantity} + {@code picked} 17+, unpicked moves
 * cancelled at close), 14-15 refusing a done quantity on a move with two move lines (its lines' {@code qty_done}
 * make it up), a done quantity finer than its unit's rounding refused (16+ at write, 14-15 at close), the wizards
 * {@code button_mark_done} returns without the version's skip context, and {@code action_cancel} on a done MO
 * (true 14-18, UserError 19). Many2one fields are held and read as {@code [id, name]}. Thread-safe.
 */
final class StockOdooDb {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The model each many2one field points to, as {@code model.field}: a domain's dotted path follows it. */
    private static final Map<String, String> RELATIONS = Map.of(
            "mrp.production.product_id", "product.product",
            "mrp.production.product_uom_id", "uom.uom",
            "mrp.production.picking_type_id", "stock.picking.type",
            "stock.move.raw_material_production_id", "mrp.production",
            "stock.move.product_id", "product.product",
            "stock.move.product_uom", "uom.uom",
            "maintenance.request.equipment_id", "maintenance.equipment");

    final int major;
    volatile boolean maintenanceInstalled;
    private final Map<String, TreeMap<Integer, ObjectNode>> tables = new HashMap<>();
    private final Map<String, Set<String>> fields = new HashMap<>();
    private int nextId = 1;
    private int writesOnClosedMos;

    StockOdooDb(int major, boolean maintenanceInstalled) {
        this.major = major;
        this.maintenanceInstalled = maintenanceInstalled;
        fields.put("mrp.production", Set.of("id", "name", "state", "product_id", "product_qty", "product_uom_id",
                "qty_producing", "move_raw_ids", "picking_type_id", major >= 17 ? "date_start" : "date_planned_start"));
        fields.put("stock.move", major >= 17
                ? Set.of("id", "raw_material_production_id", "product_id", "product_uom_qty", "product_uom", "state",
                        "move_line_ids", "quantity", "picked")
                : Set.of("id", "raw_material_production_id", "product_id", "product_uom_qty", "product_uom", "state",
                        "move_line_ids", "quantity_done"));
        fields.put("product.product", Set.of("id", "name", "default_code", "display_name"));
        fields.put("stock.move.line", major >= 17 ? Set.of("id", "move_id", "quantity", "picked")
                : Set.of("id", "move_id", "qty_done"));
        fields.put("uom.uom", Set.of("id", "name", "rounding"));
        fields.put("stock.picking.type", Set.of("id", "name"));
        fields.keySet().forEach(m -> tables.put(m, new TreeMap<>()));
        if (maintenanceInstalled) {
            installMaintenance();
        }
    }

    /** The Maintenance app's models, as installing the app adds them. */
    synchronized void installMaintenance() {
        fields.put("maintenance.equipment", Set.of("id", "name", "serial_no"));
        fields.put("maintenance.request", Set.of("id", "name", "description", "request_date", "equipment_id"));
        tables.put("maintenance.equipment", new TreeMap<>());
        tables.put("maintenance.request", new TreeMap<>());
        maintenanceInstalled = true;
    }

    boolean picking() {
        return major >= 17;
    }

    String doneField() {
        return picking() ? "quantity" : "quantity_done";
    }

    String lineDoneField() {
        return picking() ? "quantity" : "qty_done";
    }

    synchronized ObjectNode insert(String model, ObjectNode values) {
        ObjectNode record = values.deepCopy();
        record.put("id", nextId++);
        tables.get(model).put(record.get("id").asInt(), record);
        return record;
    }

    synchronized ObjectNode record(String model, int id) {
        ObjectNode r = tables.get(model).get(id);
        if (r == null) {
            throw OdooError.missing("Record does not exist or has been deleted. (Record: " + model + "(" + id + ",))");
        }
        return r;
    }

    synchronized List<ObjectNode> all(String model) {
        return List.copyOf(tables.get(model).values());
    }

    synchronized int writesOnClosedMos() {
        return writesOnClosedMos;
    }

    /** One model method with its record ids (null for a model-level method) and named arguments. */
    synchronized JsonNode call(String model, String method, List<Integer> ids, JsonNode kwargs) {
        if (method.startsWith("_")) {
            throw OdooError.access("Private methods (such as " + model + "." + method
                    + ") cannot be called remotely.");
        }
        if (!tables.containsKey(model)) {
            throw OdooError.noModel(model);
        }
        return switch (method) {
            case "search_read" -> searchRead(model, kwargs);
            case "write" -> write(model, ids, kwargs.path("vals"));
            case "create" -> create(model, kwargs.path("vals_list"));
            case "button_mark_done" -> markDone(ids, kwargs.path("context"));
            case "action_cancel" -> cancel(ids);
            default -> throw OdooError.noMethod(model, method);
        };
    }

    private JsonNode searchRead(String model, JsonNode kwargs) {
        List<String> wanted = new ArrayList<>();
        kwargs.path("fields").forEach(f -> wanted.add(checked(model, f.asText())));
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode r : tables.get(model).values()) {
            if (Domain.matches(kwargs.path("domain"), model, r, this)) {
                found.add(r);
            }
        }
        int offset = kwargs.path("offset").asInt(0);
        int limit = kwargs.path("limit").asInt(0);
        ArrayNode out = JSON.arrayNode();
        for (int i = offset; i < found.size() && (limit <= 0 || i < offset + limit); i++) {
            ObjectNode r = found.get(i);
            ObjectNode row = out.addObject();
            row.put("id", r.get("id").asInt());
            for (String f : wanted) {
                row.set(f, r.has(f) ? r.get(f).deepCopy() : BooleanNode.FALSE);
            }
        }
        return out;
    }

    private JsonNode write(String model, List<Integer> ids, JsonNode vals) {
        vals.fieldNames().forEachRemaining(f -> checked(model, f));
        for (int id : ids) {
            ObjectNode r = record(model, id);
            if (model.equals("stock.move") && vals.has(doneField()) && major <= 15
                    && r.path("move_line_ids").size() > 1
                    && vals.get(doneField()).decimalValue().compareTo(r.path(doneField()).decimalValue()) != 0) {
                throw OdooError.user("Cannot set the done quantity from this stock move, work directly with the "
                        + "move lines.");
            }
            if (model.equals("mrp.production") && Set.of("done", "cancel").contains(r.path("state").asText())) {
                writesOnClosedMos++;
            }
            if (model.equals("stock.move") && vals.has(doneField())) {
                if (major >= 16) {
                    checkRounding(r, vals.get(doneField()).decimalValue());
                }
                countClosed(r);
            }
            ObjectNode lineOf = model.equals("stock.move.line") && vals.has(lineDoneField())
                    ? record("stock.move", r.path("move_id").path(0).asInt()) : null;
            if (lineOf != null) {
                countClosed(lineOf);
            }
            vals.fields().forEachRemaining(e -> r.set(e.getKey(), e.getValue().deepCopy()));
            if (lineOf != null) {
                // The move's done quantity is the sum of its lines'.
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode line : lineOf.path("move_line_ids")) {
                    sum = sum.add(record("stock.move.line", line.asInt()).path(lineDoneField()).decimalValue());
                }
                lineOf.put(doneField(), sum);
            }
        }
        return BooleanNode.TRUE;
    }

    /** A write on a raw move (or its line) of a closed MO counts against the bridge. */
    private void countClosed(ObjectNode move) {
        ObjectNode mo = record("mrp.production", move.path("raw_material_production_id").path(0).asInt());
        if (Set.of("done", "cancel").contains(mo.path("state").asText())) {
            writesOnClosedMos++;
        }
    }

    /** Odoo's check of a done quantity against the rounding of the move's unit. */
    private void checkRounding(ObjectNode move, BigDecimal quantity) {
        ObjectNode uom = record("uom.uom", move.path("product_uom").path(0).asInt());
        BigDecimal rounding = uom.path("rounding").decimalValue();
        if (rounding.signum() > 0 && quantity.remainder(rounding).signum() != 0) {
            throw OdooError.user("The quantity done for the product \"" + move.path("product_id").path(1).asText()
                    + "\" doesn't respect the rounding precision defined on the unit of measure \""
                    + uom.path("name").asText() + "\". Please change the quantity done or the rounding precision of"
                    + " your unit of measure.");
        }
    }

    private JsonNode create(String model, JsonNode valsList) {
        ArrayNode ids = JSON.arrayNode();
        for (JsonNode vals : valsList.isArray() ? valsList : JSON.arrayNode().add(valsList)) {
            vals.fieldNames().forEachRemaining(f -> checked(model, f));
            ObjectNode record = insert(model, (ObjectNode) vals);
            if (vals.has("equipment_id")) {
                int equipment = vals.get("equipment_id").asInt();
                record.set("equipment_id", JSON.arrayNode().add(equipment)
                        .add(record("maintenance.equipment", equipment).path("name").asText()));
            }
            ids.add(record.get("id").asInt());
        }
        return ids;
    }

    /** Closes the MO only with the version's skip context; otherwise answers the wizard Odoo would open. */
    private JsonNode markDone(List<Integer> ids, JsonNode context) {
        ObjectNode mo = record("mrp.production", ids.get(0));
        if (mo.path("state").asText().equals("done")) {
            return BooleanNode.TRUE;
        }
        if (mo.path("tracked").asBoolean()) {
            // A lot-tracked product without a lot: Odoo asks for one whatever the context (18's batch produce);
            // 19 refuses when it cannot create the lot itself.
            if (major >= 19) {
                throw OdooError.user("You need to generate Lot/Serial Number(s) for " + mo.path("name").asText());
            }
            return wizard(mo, "mrp.batch.produce");
        }
        List<Object[]> wizards = picking()
                ? List.of(new Object[] {"skip_consumption", "mrp.consumption.warning"},
                        new Object[] {"skip_backorder", "mrp.production.backorder"})
                : List.of(new Object[] {"skip_immediate", "mrp.immediate.production"},
                        new Object[] {"skip_consumption", "mrp.consumption.warning"},
                        new Object[] {"skip_backorder", "mrp.production.backorder"});
        if (!picking() && mo.path("qty_producing").decimalValue().signum() <= 0
                && context.path("skip_immediate").asBoolean()) {
            throw OdooError.user("The quantity to produce must be positive!");
        }
        for (Object[] w : wizards) {
            if (!context.path((String) w[0]).asBoolean()) {
                return wizard(mo, (String) w[1]);
            }
        }
        if (major <= 15) {
            movesOf(mo).forEach(m -> checkRounding(m, m.path(doneField()).decimalValue()));
        }
        for (ObjectNode move : movesOf(mo)) {
            boolean consumed = !picking() || move.path("picked").asBoolean();
            move.put("state", consumed ? "done" : "cancel");
            if (!consumed) {
                move.put("quantity", 0);
            }
        }
        mo.put("state", "done");
        return BooleanNode.TRUE;
    }

    private static ObjectNode wizard(ObjectNode mo, String model) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "ir.actions.act_window");
        action.put("res_model", model);
        action.put("target", "new");
        action.set("context", JSON.objectNode().set("default_mrp_production_ids", JSON.arrayNode()
                .add(mo.get("id").asInt())));
        return action;
    }

    private JsonNode cancel(List<Integer> ids) {
        for (int id : ids) {
            ObjectNode mo = record("mrp.production", id);
            String state = mo.path("state").asText();
            if (state.equals("done")) {
                if (major >= 19) {
                    throw OdooError.user("You cannot cancel a manufacturing order that is done.");
                }
                continue; // 14-18: true, and the MO stays done
            }
            movesOf(mo).forEach(m -> m.put("state", "cancel"));
            mo.put("state", "cancel");
        }
        return BooleanNode.TRUE;
    }

    List<ObjectNode> movesOf(ObjectNode mo) {
        List<ObjectNode> moves = new ArrayList<>();
        mo.path("move_raw_ids").forEach(id -> moves.add(record("stock.move", id.asInt())));
        return moves;
    }

    /** The model a many2one field points to; Odoo's ValueError for a path through any other field. */
    String relation(String model, String field) {
        String target = RELATIONS.get(model + "." + field);
        if (target == null) {
            throw OdooError.invalidField(field, model);
        }
        return target;
    }

    String checked(String model, String field) {
        if (!fields.get(model).contains(field)) {
            throw OdooError.invalidField(field, model);
        }
        return field;
    }
}
