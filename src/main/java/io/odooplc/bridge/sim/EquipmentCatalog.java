package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Odoo's SCADA equipment records (PLC01, silo101..silo112, lq114, lq115), taken verbatim from the sample
 * payload so ids, names and the 14 keys with their false values match what the field sees.
 */
public final class EquipmentCatalog {

    private final Map<String, ObjectNode> byCode;

    private EquipmentCatalog(Map<String, ObjectNode> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** Collects every distinct equipment record found on MOs or their components in a mo-list-detailed result. */
    static EquipmentCatalog fromMoList(JsonNode moList) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        for (JsonNode mo : moList) {
            collect(mo.path("equipment"), found);
            for (JsonNode component : mo.path("components_consumption")) {
                collect(component.path("equipment"), found);
            }
        }
        return new EquipmentCatalog(found);
    }

    private static void collect(JsonNode equipment, Map<String, ObjectNode> found) {
        if (equipment.isObject()) {
            found.putIfAbsent(equipment.path("code").asText(), (ObjectNode) equipment);
        }
    }

    public Optional<ObjectNode> find(String code) {
        return Optional.ofNullable(byCode.get(code)).map(ObjectNode::deepCopy);
    }

    public ObjectNode get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Equipment with code \"" + code + "\" not found"));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Set<String> codes() {
        return byCode.keySet();
    }
}
