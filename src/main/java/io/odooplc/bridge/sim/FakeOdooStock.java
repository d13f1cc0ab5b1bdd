package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fake Odoo database holds: manufacturing orders and equipment failure reports. All access goes through
 * this object's monitor, so the HTTP threads and a test thread see one consistent state.
 */
public final class FakeOdooStock {

    static final String SAMPLE_RESOURCE = "/sim/task1_odoo_payload_20260304_104830.json";
    /** Order of mo-list-detailed as seen in the field: MOs in work come before confirmed ones. */
    private static final List<MoState> LIST_ORDER = List.of(MoState.PROGRESS, MoState.CONFIRMED);
    /** Stock move ids start here, like a database that has seen some moves already. */
    private static final int FIRST_MOVE_ID = 100;

    private final EquipmentCatalog equipment;
    private final Map<String, ManufacturingOrder> mos = new LinkedHashMap<>();
    private final List<FailureReport> failureReports = new ArrayList<>();
    private int nextMoveId = FIRST_MOVE_ID;

    private FakeOdooStock(EquipmentCatalog equipment) {
        this.equipment = equipment;
    }

    /** No MOs, but the plant's equipment records, so tests can build their own MOs. */
    public static FakeOdooStock empty() {
        return new FakeOdooStock(EquipmentCatalog.fromMoList(sampleMoList()));
    }

    /** The ten MOs of the 2026-03-04 field payload (WH/MO/00011..00020), as Odoo listed them. */
    public static FakeOdooStock sample() {
        FakeOdooStock stock = empty();
        sampleMoList().forEach(stock::add);
        return stock;
    }

    /**
     * Exactly count MOs: the field samples first, then MOs generated from the seed (same seed, same stock),
     * numbered on from the last sample.
     */
    public static FakeOdooStock generated(int count, long seed) {
        FakeOdooStock stock = empty();
        JsonNode samples = sampleMoList();
        for (int i = 0; i < Math.min(count, samples.size()); i++) {
            stock.add(samples.get(i));
        }
        new MoGenerator(samples, seed).generate(stock, count - stock.size());
        return stock;
    }

    static JsonNode sampleMoList() {
        try (InputStream in = FakeOdooStock.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + SAMPLE_RESOURCE);
            }
            return JsonRpc.MAPPER.readTree(in).path("result").path("data");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SAMPLE_RESOURCE, e);
        }
    }

    public EquipmentCatalog equipment() {
        return equipment;
    }

    public MoBuilder newMo(String moId) {
        return new MoBuilder(this, moId);
    }

    /** Adds an MO given in the mo-list-detailed shape. */
    public synchronized void add(JsonNode mo) {
        String moId = mo.path("mo_id").asText();
        if (mos.containsKey(moId)) {
            throw new IllegalArgumentException("MO \"" + moId + "\" already exists");
        }
        ManufacturingOrder order = new ManufacturingOrder((ObjectNode) mo, nextMoveId);
        nextMoveId += order.componentCount();
        mos.put(moId, order);
    }

    public synchronized int size() {
        return mos.size();
    }

    public synchronized Optional<MoSnapshot> mo(String moId) {
        return Optional.ofNullable(mos.get(moId)).map(ManufacturingOrder::snapshot);
    }

    public synchronized List<MoSnapshot> mos() {
        return mos.values().stream().map(ManufacturingOrder::snapshot).toList();
    }

    /** The MO exactly as mo-list-detailed would show it now. */
    public synchronized Optional<ObjectNode> moJson(String moId) {
        return Optional.ofNullable(mos.get(moId)).map(ManufacturingOrder::toJson);
    }

    /** Puts an MO into a state behind the bridge's back, e.g. an operator closing it in the Odoo UI. */
    public synchronized void forceState(String moId, MoState state) {
        find(moId).orElseThrow(() -> new IllegalArgumentException("No MO \"" + moId + "\"")).state(state);
    }

    /** Deletes an MO, so the addon answers "not found" for it from now on. */
    public synchronized boolean remove(String moId) {
        return mos.remove(moId) != null;
    }

    public synchronized List<FailureReport> failureReports() {
        return List.copyOf(failureReports);
    }

    synchronized FailureReport addFailureReport(FailureReport withoutId) {
        FailureReport report = new FailureReport(failureReports.size() + 1, withoutId.equipmentCode(),
                withoutId.description(), withoutId.date(), withoutId.durationMinutes());
        failureReports.add(report);
        return report;
    }

    synchronized Optional<ManufacturingOrder> find(String moId) {
        return Optional.ofNullable(mos.get(moId));
    }

    /**
     * MOs in the given states (all states when null), in-work first then confirmed then the rest, each group
     * in creation order; offset/limit page the result, and a limit of 0 or less means none, as in an Odoo search.
     */
    synchronized List<ObjectNode> list(Set<MoState> states, int offset, int limit) {
        return mos.values().stream()
                .filter(mo -> states == null || states.contains(mo.state()))
                .sorted(Comparator.comparingInt(FakeOdooStock::listRank))
                .skip(Math.max(offset, 0))
                .limit(limit <= 0 ? Long.MAX_VALUE : limit)
                .map(ManufacturingOrder::toJson)
                .toList();
    }

    static Set<MoState> defaultListStates() {
        return Set.copyOf(LIST_ORDER);
    }

    private static int listRank(ManufacturingOrder mo) {
        int rank = LIST_ORDER.indexOf(mo.state());
        return rank < 0 ? LIST_ORDER.size() + mo.state().ordinal() : rank;
    }
}
