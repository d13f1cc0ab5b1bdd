package io.odooplc.bridge.odoo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.batch.PlannedBatch;
import io.odooplc.bridge.plc.Equipment;
import io.odooplc.bridge.plc.EquipmentMatcher;

/**
 * Reads one MO of {@code /api/scada/mo-list-detailed} into the batch the bridge stages. Components go to the PLC
 * equipment they are dosed from; two components on one equipment are added up (the PLC has one dose per equipment).
 * Odoo's {@code false} for an empty field counts as missing.
 */
public final class MoReader {

    private final EquipmentMatcher matcher;

    public MoReader(EquipmentMatcher matcher) {
        this.matcher = matcher;
    }

    public PlannedBatch read(JsonNode mo) {
        String name = text(mo, "mo_id").orElseThrow(() -> new InvalidMoException("an MO without mo_id: " + brief(mo)));
        // Stock Odoo's list says why it cannot build an MO's recipe (a unit that is no weight).
        text(mo, "invalid").ifPresent(why -> {
            throw new InvalidMoException(why);
        });
        BigDecimal target = number(mo, "quantity")
                .filter(q -> q.signum() > 0)
                .orElseThrow(() -> new InvalidMoException(name + ": quantity missing or not positive"));
        String product = text(mo, "product_name").orElse(name);
        String moEquipment = text(mo.path("equipment"), "code").orElse(null);

        Map<Integer, PlannedBatch.Component> byEquipment = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        for (JsonNode c : mo.path("components_consumption")) {
            String material = text(c, "product_name").orElse("(unnamed component)");
            Optional<Equipment> equipment = matcher.match(text(c.path("equipment"), "code").orElse(null),
                    text(c.path("equipment"), "name").orElse(null));
            BigDecimal planned = number(c, "to_consume").or(() -> number(c, "consumed")).orElse(BigDecimal.ZERO);
            if (equipment.isEmpty()) {
                leftOut.add(material);
                continue;
            }
            Equipment e = equipment.get();
            PlannedBatch.Component before = byEquipment.get(e.id());
            byEquipment.put(e.id(), before == null
                    ? new PlannedBatch.Component(e.id(), e.code(), material, planned)
                    : new PlannedBatch.Component(e.id(), e.code(), before.productName() + " + " + material,
                            before.plannedKg().add(planned)));
        }
        return new PlannedBatch(name, product, target, moEquipment, List.copyOf(byEquipment.values()), leftOut);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().strip()) : Optional.empty();
    }

    private static Optional<BigDecimal> number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? Optional.of(v.decimalValue()) : Optional.empty();
    }

    private static String brief(JsonNode mo) {
        String s = mo.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
