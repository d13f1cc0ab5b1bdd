package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each broken variant of the default map is refused with the file, the field and the problem named. */
class MemoryMapValidationTest {

    private static final String WEIGHT = "{key: weight_finished_good, label: \"weight_finished_good\", offset: 74, "
            + "type: SCALED32, scale: 100, word_order: HIGH_FIRST, max: 20000}";

    @Test
    void fieldBeyondTheSlotStride() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("stride: 100", "stride: 76"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("variant.yaml")
                .hasMessageContaining("'status_read_data' (status_read_data)")
                .hasMessageContaining("do not fit in the slot stride of 76 words");
    }

    @Test
    void overlappingFields() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("label: \"NO-BoM\", offset: 9", "label: \"NO-BoM\", offset: 8"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("'bom' (NO-BoM)")
                .hasMessageContaining("overlaps 'mo' at offsets 1..8");
    }

    @Test
    void duplicateFieldKey() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("key: bom,", "key: mo,"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.fields")
                .hasMessageContaining("duplicate key 'mo'");
    }

    @Test
    void duplicateEquipmentId() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("{id: 102, tag: silo_b", "{id: 101, tag: silo_b"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("equipment 101")
                .hasMessageContaining("duplicate equipment id 101");
    }

    @Test
    void duplicateEquipmentCode() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("code: silo102", "code: silo101"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("duplicate code 'silo101'");
    }

    @Test
    void oneProductOnTwoEquipments() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("products: [\"40102\"]", "products: [\"40101\"]"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("product '40101' is on equipment 101 (silo101) and 102 (silo102)");
    }

    @Test
    void equipmentWithoutSlotFields() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("{id: 115, tag: lq_fml", "{id: 116, tag: lq_fml"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("required field 'eq116_id' is missing");
    }

    @Test
    void wrongTypeForARequiredField() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("label: \"Status Operation\", offset: 73, type: BOOL",
                "label: \"Status Operation\", offset: 73, type: INT"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("'status_operation' (Status Operation)")
                .hasMessageContaining("type INT cannot hold this field");
    }

    @Test
    void writeReadyFlagOutsideTheWriteArea() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("write_ready_flag: 7076", "write_ready_flag: 6076"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("handshake.write_ready_flag")
                .hasMessageContaining("D6076 is outside the WRITE area D7000-D7999");
    }

    @Test
    void writeReadyFlagNotOnAFlagField() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("write_ready_flag: 7076", "write_ready_flag: 7075"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("D7075 is not a BOOL field of a WRITE slot");
    }

    @Test
    void failureAckOutsideTheFailureArea() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("failure_ack: 8022", "failure_ack: 8023"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("handshake.failure_ack")
                .hasMessageContaining("D8023 is outside the failure area D8000-D8022");
    }

    @Test
    void slotFlagFieldMustBeABoolField() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("slot_flag_field: status_read_data", "slot_flag_field: batch"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("handshake.slot_flag_field")
                .hasMessageContaining("'batch' is not a BOOL slot field");
    }

    @Test
    void slotDoesNotFitTheModbusReadFrame() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("modbus: {read: 125, write: 123}", "modbus: {read: 70, write: 123}"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("frame_limits.modbus")
                .hasMessageContaining("read limit 70 words is below the slot width 77");
    }

    @Test
    void slotDoesNotFitTheFinsWriteFrame() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("fins: {read: 999, write: 996}", "fins: {read: 999, write: 50}"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("frame_limits.fins")
                .hasMessageContaining("write limit 50 words is below the slot width 77");
    }

    @Test
    void areasMustNotOverlap() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("write_base: 7000", "write_base: 6500"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.write_base")
                .hasMessageContaining("overlaps slots.read_base area D6000-D6999");
    }

    @Test
    void unknownType() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("{key: batch, label: \"BATCH\", offset: 0, type: INT}",
                "{key: batch, label: \"BATCH\", offset: 0, type: WORD}"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.fields[0] (batch).type")
                .hasMessageContaining("unknown value 'WORD'");
    }

    @Test
    void wordCountContradictingTheType() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("offset: 25, type: SCALED32,", "offset: 25, type: SCALED32, words: 1,"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.fields[4] (quantity)")
                .hasMessageContaining("SCALED32 occupies 2 word(s), not 1");
    }

    @Test
    void asciiWithoutWordCount() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("offset: 1, type: ASCII, words: 8", "offset: 1, type: ASCII"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.fields[1] (mo).words: missing");
    }

    @Test
    void wordOrderOnASingleWordType() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("offset: 0, type: INT}", "offset: 0, type: INT, word_order: LOW_FIRST}"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("word_order applies to two-word types only, not INT");
    }

    @Test
    void scaleOnANonScaledType() {
        assertThatThrownBy(() -> DefaultMapText.mapWith(WEIGHT, WEIGHT.replace("type: SCALED32", "type: REAL")))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("(weight_finished_good)")
                .hasMessageContaining("scale is only meaningful for SCALED32, not REAL");
    }

    @Test
    void unknownPropertyIsATypoNotSilentlyIgnored() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("read_base: 6000", "read_bsae: 6000"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("variant.yaml: slots.read_bsae")
                .hasMessageContaining("Unrecognized field");
    }

    @Test
    void missingHandshake() {
        String text = DefaultMapText.text();
        String withoutHandshake = text.substring(0, text.indexOf("handshake:")) + text.substring(text.indexOf("# Longest"));
        assertThatThrownBy(() -> MemoryMap.parse(withoutHandshake, "no-handshake.yaml"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessage("memory map no-handshake.yaml: handshake: missing");
    }

    @Test
    void notYamlAtAll() {
        assertThatThrownBy(() -> MemoryMap.parse("name: a: b", "broken.yaml"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessage("memory map broken.yaml: document: not valid YAML: mapping values are not allowed here"
                        + " at line 1, column 8");
    }

    @Test
    void sectionOfTheWrongShape() {
        assertThatThrownBy(() -> MemoryMap.parse("slots: [1, 2]", "shape.yaml"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageStartingWith("memory map shape.yaml: slots: Cannot deserialize");
    }
}
