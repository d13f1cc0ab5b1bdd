package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The SCADA addon's MO and failure routes (plant-contract §3.3-§3.8) acting on the stock. Each method takes the call's
 * arguments and returns the addon's answer body ({"status": ...}); framing, sessions and faults are FakeOdoo's job.
 */
final class ScadaAddon {

    /** Keys of update-with-consumptions that name the finished quantity rather than an equipment code. */
    private static final Set<String> FINISHED_QTY_KEYS = Set.of("quantity", "finished_qty", "qty_finished");
    /** Rescale keys the real addon accepts; the bridge never sends them and the fake does not rescale. */
    private static final Set<String> RESCALE_KEYS = Set.of("product_qty", "qty_to_produce", "target_production");
    private static final String FORCED_PARTIAL_ERROR = "silo999: Equipment not found";
    private static final List<DateTimeFormatter> FAILURE_DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    private static final Pattern DURATION = Pattern.compile("(\\d{1,3}):([0-5]\\d)");

    private final FakeOdooStock stock;
    private final OdooFaults faults;

    ScadaAddon(FakeOdooStock stock, OdooFaults faults) {
        this.stock = stock;
        this.faults = faults;
    }

    ObjectNode moList(JsonNode params) {
        Set<MoState> states = faults.ignoreStatesFilter() ? null : requestedStates(params.path("states"));
        List<ObjectNode> mos = stock.list(states, params.path("offset").asInt(0), params.path("limit").asInt(0));
        ObjectNode answer = success();
        answer.put("count", mos.size());
        answer.putArray("data").addAll(mos);
        return answer;
    }

    ObjectNode updateWithConsumptions(JsonNode params) {
        synchronized (stock) {
            Optional<ManufacturingOrder> found = requireMo(params);
            if (found.isEmpty()) {
                return notFoundOrMissing(params);
            }
            ManufacturingOrder mo = found.get();
            if (mo.state().isClosed()) {
                return error("Cannot update MO \"" + mo.moId() + "\" in state \"" + mo.state().odooName() + "\"");
            }
            List<String> errors = new ArrayList<>();
            ArrayNode consumed = JsonRpc.array();
            Double finishedQty = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (key.equals("mo_id")) {
                    continue;
                }
                if (!field.getValue().isNumber() || field.getValue().asDouble() < 0) {
                    errors.add(key + ": Invalid quantity " + field.getValue());
                } else if (FINISHED_QTY_KEYS.contains(key)) {
                    finishedQty = field.getValue().asDouble();
                } else if (RESCALE_KEYS.contains(key)) {
                    errors.add(key + ": Rescaling is not supported by the fake Odoo");
                } else {
                    replaceQuantityDone(mo, key, field.getValue().asDouble(), consumed, errors);
                }
            }
            if (finishedQty != null) {
                mo.producedQty(finishedQty);
            }
            if (mo.state() == MoState.CONFIRMED && (finishedQty != null || !consumed.isEmpty())) {
                mo.state(MoState.PROGRESS);
            }
            if (faults.partialErrors()) {
                errors.add(FORCED_PARTIAL_ERROR);
            }
            ObjectNode answer = success(errors.isEmpty() ? "MO updated successfully" : "MO updated with some errors");
            answer.put("mo_id", mo.moId());
            answer.put("mo_state", mo.state().odooName());
            if (finishedQty == null) {
                answer.putNull("updated_finished_qty");
            } else {
                answer.put("updated_finished_qty", finishedQty);
            }
            answer.set("consumed_items", consumed);
            ArrayNode errorList = answer.putArray("errors");
            errors.forEach(errorList::add);
            return answer;
        }
    }

    /**
     * Sets quantity_done of the MO's raw moves on this equipment to the given total (replace, never add). With
     * several moves on one equipment the total is shared in proportion to their to_consume.
     */
    private void replaceQuantityDone(ManufacturingOrder mo, String code, double qty, ArrayNode consumed,
                                     List<String> errors) {
        Optional<ObjectNode> equipment = stock.equipment().find(code);
        if (equipment.isEmpty()) {
            errors.add(code + ": Equipment not found");
            return;
        }
        List<Integer> moves = mo.movesOn(code);
        if (moves.isEmpty()) {
            errors.add(code + ": No raw material move found for this equipment");
            return;
        }
        double planned = moves.stream().mapToDouble(mo::toConsume).sum();
        ObjectNode item = consumed.addObject();
        item.put("equipment_code", code);
        item.put("equipment_name", equipment.get().path("name").asText());
        item.put("applied_qty", qty);
        ArrayNode moveIds = item.putArray("move_ids");
        ArrayNode products = item.putArray("products");
        for (int move : moves) {
            double share = planned > 0 ? mo.toConsume(move) / planned : 1.0 / moves.size();
            mo.quantityDone(move, qty * share);
            moveIds.add(mo.moveId(move));
            products.add(mo.productName(move));
        }
    }

    ObjectNode cancel(JsonNode params) {
        synchronized (stock) {
            Optional<ManufacturingOrder> found = requireMo(params);
            if (found.isEmpty()) {
                return notFoundOrMissing(params);
            }
            ManufacturingOrder mo = found.get();
            return switch (mo.state()) {
                case DONE -> error("Cannot cancel MO \"" + mo.moId() + "\" in state \"done\"");
                case CANCEL -> moAnswer("Manufacturing order already cancelled", mo);
                default -> {
                    mo.state(MoState.CANCEL);
                    yield moAnswer("Manufacturing order cancelled successfully", mo);
                }
            };
        }
    }

    ObjectNode markDone(JsonNode params) {
        synchronized (stock) {
            Optional<ManufacturingOrder> found = requireMo(params);
            if (found.isEmpty()) {
                return notFoundOrMissing(params);
            }
            ManufacturingOrder mo = found.get();
            JsonNode finishedQty = params.path("finished_qty");
            if (!finishedQty.isNumber() || finishedQty.asDouble() <= 0) {
                return error("finished_qty must be a number greater than 0");
            }
            if (mo.state().isClosed()) {
                return error("Cannot mark MO \"" + mo.moId() + "\" as done in state \"" + mo.state().odooName() + "\"");
            }
            mo.producedQty(finishedQty.asDouble());
            mo.state(MoState.DONE);
            ObjectNode answer = moAnswer("Manufacturing order marked as done", mo);
            answer.put("finished_qty", finishedQty.asDouble());
            return answer;
        }
    }

    ObjectNode equipmentFailure(JsonNode params) {
        for (String required : List.of("equipment_code", "description", "date")) {
            if (params.path(required).asText().isBlank()) {
                return error("Missing required field: " + required);
            }
        }
        String code = params.path("equipment_code").asText();
        Optional<ObjectNode> equipment = stock.equipment().find(code);
        if (equipment.isEmpty()) {
            return error("Equipment with code \"" + code + "\" not found");
        }
        Optional<LocalDateTime> date = parseFailureDate(params.path("date").asText());
        if (date.isEmpty()) {
            return error("Invalid date format \"" + params.path("date").asText()
                    + "\", expected YYYY-MM-DD HH:MM:SS or YYYY-MM-DDTHH:MM");
        }
        Integer minutes = null;
        JsonNode duration = params.path("duration");
        if (!duration.isMissingNode() && !duration.isNull()) {
            Matcher m = DURATION.matcher(duration.asText());
            if (!m.matches()) {
                return error("Invalid duration format \"" + duration.asText() + "\", expected hh:mm");
            }
            minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        }
        FailureReport report = stock.addFailureReport(
                new FailureReport(0, code, params.path("description").asText(), date.get(), minutes));
        ObjectNode answer = success("Equipment failure report created");
        ObjectNode data = answer.putObject("data");
        data.put("id", report.id());
        data.put("equipment_id", equipment.get().path("id").asInt());
        data.put("equipment_code", code);
        data.put("equipment_name", equipment.get().path("name").asText());
        data.put("description", report.description());
        data.put("date", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(report.date()));
        if (minutes == null) {
            data.put("duration", false);
            data.put("duration_minutes", 0);
        } else {
            data.put("duration", duration.asText());
            data.put("duration_minutes", minutes);
        }
        return answer;
    }

    /**
     * The "states" argument as a list or a comma string. Absent or empty means the field default (confirmed and
     * progress); names Odoo does not know match nothing, as in an Odoo domain.
     */
    private static Set<MoState> requestedStates(JsonNode states) {
        List<String> names;
        if (states.isArray()) {
            names = StreamSupport.stream(states.spliterator(), false).map(JsonNode::asText).toList();
        } else if (states.isTextual()) {
            names = Arrays.stream(states.asText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } else {
            names = List.of();
        }
        if (names.isEmpty()) {
            return FakeOdooStock.defaultListStates();
        }
        Set<MoState> wanted = new HashSet<>();
        for (MoState state : MoState.values()) {
            if (names.contains(state.odooName())) {
                wanted.add(state);
            }
        }
        return wanted;
    }

    private static Optional<LocalDateTime> parseFailureDate(String text) {
        for (DateTimeFormatter format : FAILURE_DATE_FORMATS) {
            try {
                return Optional.of(LocalDateTime.parse(text, format));
            } catch (DateTimeParseException notThisFormat) {
                // the next format may match
            }
        }
        return Optional.empty();
    }

    private Optional<ManufacturingOrder> requireMo(JsonNode params) {
        return stock.find(params.path("mo_id").asText());
    }

    private static ObjectNode notFoundOrMissing(JsonNode params) {
        String moId = params.path("mo_id").asText();
        return moId.isBlank() ? error("mo_id is required") : error("Manufacturing Order \"" + moId + "\" not found");
    }

    private static ObjectNode moAnswer(String message, ManufacturingOrder mo) {
        ObjectNode answer = success(message);
        answer.put("mo_id", mo.moId());
        answer.put("mo_state", mo.state().odooName());
        return answer;
    }

    private static ObjectNode success() {
        ObjectNode answer = JsonRpc.object();
        answer.put("status", "success");
        return answer;
    }

    private static ObjectNode success(String message) {
        ObjectNode answer = success();
        answer.put("message", message);
        return answer;
    }

    static ObjectNode error(String message) {
        ObjectNode answer = JsonRpc.object();
        answer.put("status", "error");
        answer.put("message", message);
        return answer;
    }
}
