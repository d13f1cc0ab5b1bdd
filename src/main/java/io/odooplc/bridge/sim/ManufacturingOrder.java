package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mrp.production as the SCADA addon lists it. The payload is kept as Odoo sent or built it (so false/null
 * values and float noise survive); what Odoo changes at runtime (state, produced_qty, each raw move's
 * quantity_done, shown as "consumed") is held beside it and overlaid when listed. Not thread-safe: the stock
 * guards every MO with its own lock.
 */
final class ManufacturingOrder {

    private final ObjectNode payload;
    private final int[] moveIds;
    private final double[] quantityDone;
    private MoState state;
    private double producedQty;

    ManufacturingOrder(ObjectNode payload, int firstMoveId) {
        this.payload = payload.deepCopy();
        JsonNode components = payload.path("components_consumption");
        this.moveIds = new int[components.size()];
        this.quantityDone = new double[components.size()];
        for (int i = 0; i < components.size(); i++) {
            moveIds[i] = firstMoveId + i;
            quantityDone[i] = components.get(i).path("consumed").asDouble();
        }
        this.state = MoState.fromOdoo(payload.path("state").asText());
        this.producedQty = payload.path("produced_qty").asDouble();
    }

    String moId() {
        return payload.path("mo_id").asText();
    }

    MoState state() {
        return state;
    }

    void state(MoState newState) {
        this.state = newState;
    }

    double producedQty() {
        return producedQty;
    }

    void producedQty(double qty) {
        this.producedQty = qty;
    }

    int componentCount() {
        return moveIds.length;
    }

    /** Indexes of the raw-material moves linked to this equipment code. */
    List<Integer> movesOn(String equipmentCode) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < moveIds.length; i++) {
            if (equipmentCode.equals(equipmentCode(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The component's equipment code, or null when the addon reports null/false for it. */
    String equipmentCode(int component) {
        JsonNode equipment = component(component).path("equipment");
        return equipment.isObject() ? equipment.path("code").asText() : null;
    }

    int moveId(int component) {
        return moveIds[component];
    }

    String productName(int component) {
        return component(component).path("product_name").asText();
    }

    double toConsume(int component) {
        return component(component).path("to_consume").asDouble();
    }

    void quantityDone(int component, double qty) {
        quantityDone[component] = qty;
    }

    ObjectNode toJson() {
        ObjectNode json = payload.deepCopy();
        json.put("state", state.odooName());
        json.put("produced_qty", producedQty);
        ArrayNode components = (ArrayNode) json.path("components_consumption");
        for (int i = 0; i < components.size(); i++) {
            ((ObjectNode) components.get(i)).put("consumed", quantityDone[i]);
        }
        return json;
    }

    MoSnapshot snapshot() {
        Map<String, Double> byEquipment = new LinkedHashMap<>();
        for (int i = 0; i < moveIds.length; i++) {
            String code = equipmentCode(i);
            if (code != null) {
                byEquipment.merge(code, quantityDone[i], Double::sum);
            }
        }
        return new MoSnapshot(moId(), state, producedQty, Map.copyOf(byEquipment));
    }

    private JsonNode component(int index) {
        return payload.path("components_consumption").get(index);
    }
}
