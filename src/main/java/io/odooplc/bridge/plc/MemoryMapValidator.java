package io.odooplc.bridge.plc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cross-entry checks that keep a hand-edited map from silently misreading the PLC (legacy failure #6:
 * duplicated field numbers and shifted addresses in successive mapping files).
 */
final class MemoryMapValidator {

    private static final int MAX_ADDRESS = 65535;
    private static final Set<WordType> INTEGER = EnumSet.of(WordType.INT, WordType.UINT, WordType.DINT);
    private static final Set<WordType> NUMERIC = EnumSet.of(WordType.INT, WordType.UINT, WordType.DINT,
            WordType.SCALED32, WordType.REAL);
    private static final Set<WordType> CALENDAR = EnumSet.of(WordType.BCD4, WordType.BCD2, WordType.INT,
            WordType.UINT);
    private static final Set<WordType> TEXT = EnumSet.of(WordType.ASCII);
    private static final Set<WordType> FLAG = EnumSet.of(WordType.BOOL);

    private final MemoryMap map;

    MemoryMapValidator(MemoryMap map) {
        this.map = map;
    }

    void validate() {
        SlotLayout layout = map.layout();
        checkFields("slots.fields", layout.fields(), map.readArea().stride());
        checkFields("failure.fields", map.failureArea().fields(), Integer.MAX_VALUE);
        checkSlots();
        checkEquipment();
        checkSlotKeys();
        checkFailureKeys();
        checkAreasDisjoint();
        checkHandshake();
        checkFrameLimits();
    }

    private void checkFields(String where, List<FieldSpec> fields, int stride) {
        if (fields.isEmpty()) {
            fail(where, "no fields");
        }
        Set<String> keys = new HashSet<>();
        for (FieldSpec f : fields) {
            if (!keys.add(f.key())) {
                fail(where, "duplicate key '" + f.key() + "'");
            }
            if (f.offset() < 0) {
                fail(describe(where, f), "negative offset " + f.offset());
            }
            if (f.end() > stride) {
                fail(describe(where, f), "offsets " + f.offset() + ".." + (f.end() - 1)
                        + " do not fit in the slot stride of " + stride + " words");
            }
        }
        List<FieldSpec> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparingInt(FieldSpec::offset));
        for (int i = 1; i < sorted.size(); i++) {
            FieldSpec before = sorted.get(i - 1);
            FieldSpec field = sorted.get(i);
            if (field.offset() < before.end()) {
                fail(describe(where, field), "offset " + field.offset() + " overlaps '" + before.key()
                        + "' at offsets " + before.offset() + ".." + (before.end() - 1));
            }
        }
    }

    private void checkSlots() {
        SlotArea read = map.readArea();
        if (read.count() < 1) {
            fail("slots.count", "must be at least 1, was " + read.count());
        }
        if (read.stride() < 1) {
            fail("slots.stride", "must be positive, was " + read.stride());
        }
    }

    private void checkEquipment() {
        Set<Integer> ids = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Map<String, Equipment> products = new HashMap<>();
        for (Equipment e : map.equipment()) {
            for (String product : e.products()) {
                Equipment other = products.putIfAbsent(product, e);
                if (other != null && other != e) {
                    fail("equipment " + e.id(), "product '" + product + "' is on equipment " + other.id() + " (" + other.code()
                            + ") and " + e.id() + " (" + e.code() + "): a product is dosed from one equipment");
                }
            }
            String where = "equipment " + e.id();
            if (!ids.add(e.id())) {
                fail(where, "duplicate equipment id " + e.id());
            }
            if (!tags.add(e.tag())) {
                fail(where, "duplicate tag '" + e.tag() + "'");
            }
            if (!codes.add(e.code())) {
                fail(where, "duplicate code '" + e.code() + "'");
            }
        }
    }

    private void checkSlotKeys() {
        Map<String, FieldSpec> fields = map.layout().byKey();
        requireField("slots.fields", fields, "batch", INTEGER);
        for (String key : List.of("mo", "bom", "product")) {
            requireField("slots.fields", fields, key, TEXT);
        }
        requireField("slots.fields", fields, "quantity", NUMERIC);
        requireField("slots.fields", fields, "weight_finished_good", NUMERIC);
        for (String key : List.of("status_manufacturing", "status_operation", "status_read_data")) {
            requireField("slots.fields", fields, key, FLAG);
        }
        for (Equipment e : map.equipment()) {
            requireField("slots.fields", fields, e.idFieldKey(), INTEGER);
            requireField("slots.fields", fields, e.consumptionFieldKey(), NUMERIC);
        }
    }

    private void checkFailureKeys() {
        Map<String, FieldSpec> fields = map.failureArea().byKey();
        requireField("failure.fields", fields, "equipment_code", TEXT);
        requireField("failure.fields", fields, "info", TEXT);
        for (String key : List.of("year", "month", "day", "hour", "minute", "second")) {
            requireField("failure.fields", fields, key, CALENDAR);
        }
        requireField("failure.fields", fields, "status_read_data", FLAG);
    }

    private void requireField(String where, Map<String, FieldSpec> fields, String key, Set<WordType> types) {
        FieldSpec field = fields.get(key);
        if (field == null) {
            fail(where, "required field '" + key + "' is missing");
        } else if (!types.contains(field.type())) {
            fail(describe(where, field), "type " + field.type() + " cannot hold this field, expected one of " + types);
        }
    }

    private void checkAreasDisjoint() {
        List<WordRange> areas = List.of(map.readArea().span(), map.writeArea().span(), map.failureArea().range());
        List<String> names = List.of("slots.read_base", "slots.write_base", "failure.base");
        for (int i = 0; i < areas.size(); i++) {
            WordRange area = areas.get(i);
            if (area.end() - 1 > MAX_ADDRESS) {
                fail(names.get(i), "area " + area + " runs past " + Words.dm(MAX_ADDRESS));
            }
            for (int j = 0; j < i; j++) {
                WordRange other = areas.get(j);
                if (area.start() < other.end() && other.start() < area.end()) {
                    fail(names.get(i), "area " + area + " overlaps " + names.get(j) + " area " + other);
                }
            }
        }
    }

    private void checkHandshake() {
        Handshake hs = map.handshake();
        FieldSpec slotFlag = map.layout().field(hs.slotFlagKey());
        if (slotFlag == null || slotFlag.type() != WordType.BOOL) {
            fail("handshake.slot_flag_field", "'" + hs.slotFlagKey() + "' is not a BOOL slot field");
        }
        SlotArea write = map.writeArea();
        if (!write.span().contains(hs.writeReadyFlag())) {
            fail("handshake.write_ready_flag", Words.dm(hs.writeReadyFlag()) + " is outside the WRITE area "
                    + write.span());
        }
        int offset = (hs.writeReadyFlag() - write.firstBase()) % write.stride();
        if (map.layout().fields().stream().noneMatch(f -> f.offset() == offset && f.type() == WordType.BOOL)) {
            fail("handshake.write_ready_flag", Words.dm(hs.writeReadyFlag()) + " is not a BOOL field of a WRITE slot");
        }
        FailureArea failure = map.failureArea();
        if (!failure.range().contains(hs.failureAck())) {
            fail("handshake.failure_ack", Words.dm(hs.failureAck()) + " is outside the failure area "
                    + failure.range());
        }
        int ackOffset = hs.failureAck() - failure.base();
        if (failure.fields().stream().noneMatch(f -> f.offset() == ackOffset && f.type() == WordType.BOOL)) {
            fail("handshake.failure_ack", Words.dm(hs.failureAck()) + " is not a BOOL field of the failure area");
        }
    }

    /** Each slot and the failure area must be readable (and each slot writable) in one request. */
    private void checkFrameLimits() {
        int slotWidth = map.layout().width();
        int failureWidth = map.failureArea().width();
        for (Map.Entry<Protocol, FrameLimit> entry : map.frameLimits().entrySet()) {
            String where = "frame_limits." + entry.getKey().name().toLowerCase(Locale.ROOT);
            FrameLimit limit = entry.getValue();
            if (limit.read() < 1 || limit.write() < 1) {
                fail(where, "limits must be positive, were read=" + limit.read() + " write=" + limit.write());
            }
            if (slotWidth > limit.read() || failureWidth > limit.read()) {
                fail(where, "read limit " + limit.read() + " words is below the slot width " + slotWidth
                        + " or the failure area width " + failureWidth);
            }
            if (slotWidth > limit.write()) {
                fail(where, "write limit " + limit.write() + " words is below the slot width " + slotWidth);
            }
        }
    }

    private static String describe(String where, FieldSpec field) {
        return where + " '" + field.key() + "' (" + field.label() + ")";
    }

    private void fail(String field, String problem) {
        throw new MemoryMapException(map.source(), field, problem);
    }
}
