package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlConstants;

/**
 * Task 1's database side, whose statements are the {@code direct:batch-...} routes of
 * routes/batch-staging.camel.yaml: whether the PLC queue is free, which MOs the bridge already holds, staging new
 * batches into PLC slots 1..N, and marking them WRITTEN once the PLC has them, each one statement. This class only
 * turns plans into the statements' parameters and rows back into batches.
 */
public class BatchStaging {

    /** What the queue holds, for task 1's decision. */
    public record Queue(List<StagedBatch> staged, int onPlc) {
        /** True when the PLC still has batches to run or report: task 1 waits. */
        public boolean busy() {
            return onPlc > 0;
        }
    }

    /** A staged batch: its row, its slot and what goes into the recipe. */
    public record StagedBatch(long id, int slot, PlannedBatch plan) {
    }

    private static final ObjectMapper JSON = BatchJson.MAPPER;

    private final ProducerTemplate routes;

    /** @param context a context holding the routes of routes/batch-staging.camel.yaml and the pooled DataSource */
    public BatchStaging(CamelContext context) {
        this.routes = context.createProducerTemplate();
    }

    @SuppressWarnings("unchecked")
    public Queue queue() {
        Exchange done = call("direct:batch-queue", null);
        List<StagedBatch> staged = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) done.getMessage().getBody(List.class)) {
            List<PlannedBatch.Component> components = new ArrayList<>();
            for (JsonNode c : json((String) row.get("components"))) {
                components.add(new PlannedBatch.Component(c.path("equipment_id").asInt(),
                        c.path("equipment_code").asText(), c.path("product_name").isNull() ? null
                                : c.path("product_name").asText(), c.path("planned_kg").decimalValue()));
            }
            staged.add(new StagedBatch(((Number) row.get("id")).longValue(), ((Number) row.get("slot")).intValue(),
                    new PlannedBatch((String) row.get("mo_name"), (String) row.get("product_name"),
                            (BigDecimal) row.get("target_qty_kg"), (String) row.get("mo_equipment_code"),
                            components, List.of())));
        }
        return new Queue(staged, done.getMessage().getHeader("onPlc", Number.class).intValue());
    }

    /** The names among {@code moNames} the bridge already holds, in any state (plant-contract #23: never produce twice). */
    @SuppressWarnings("unchecked")
    public Set<String> held(Collection<String> moNames) {
        Set<String> held = new HashSet<>();
        Exchange done = call("direct:batch-held", Map.of("names", text(moNames)));
        for (Map<String, Object> row : (List<Map<String, Object>>) done.getMessage().getBody(List.class)) {
            held.add((String) row.get("mo_name"));
        }
        return held;
    }

    /** Stages the batches into slots 1..N in one statement; the unique constraints refuse a duplicate MO or slot. */
    @SuppressWarnings("unchecked")
    public List<StagedBatch> stage(List<PlannedBatch> plans) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int slot = 1;
        for (PlannedBatch plan : plans) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slot", slot);
            row.put("mo_name", plan.moName());
            row.put("product_name", plan.productName());
            row.put("target_qty_kg", plan.targetKg());
            row.put("mo_equipment_code", plan.moEquipmentCode());
            row.put("note", "fetched from Odoo into slot " + slot);
            row.put("components", plan.components().stream().map(c -> {
                Map<String, Object> component = new LinkedHashMap<>();
                component.put("equipment_id", c.equipmentId());
                component.put("equipment_code", c.equipmentCode());
                component.put("product_name", c.productName());
                component.put("planned_kg", c.plannedKg());
                return component;
            }).toList());
            rows.add(row);
            slot++;
        }
        Exchange done = call("direct:batch-stage", Map.of("plans", text(rows)));
        List<StagedBatch> staged = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) done.getMessage().getBody(List.class)) {
            int at = ((Number) row.get("slot")).intValue();
            staged.add(new StagedBatch(((Number) row.get("id")).longValue(), at, plans.get(at - 1)));
        }
        return staged;
    }

    /** STAGED -> WRITTEN for all of them in one statement; nothing moves if any batch moved meanwhile. */
    public void markWritten(List<StagedBatch> batches, String note) {
        Exchange done = call("direct:batch-mark-written", Map.of("ids",
                text(batches.stream().map(StagedBatch::id).toList()), "n", batches.size(), "note", note));
        int moved = done.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT, Integer.class);
        if (moved != batches.size()) {
            throw new IllegalStateException("a batch of " + batches.stream().map(b -> b.plan().moName()).toList()
                    + " is no longer STAGED: nothing marked WRITTEN");
        }
    }

    /** Runs one statement's route; its failure (a constraint, the database down) is this call's failure. */
    private Exchange call(String uri, Object body) {
        Exchange done = routes.request(uri, exchange -> exchange.getMessage().setBody(body));
        Exception failure = done.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return done;
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable components " + text, e);
        }
    }
}
