package io.odooplc.bridge.plc;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The YAML document as written; {@link MemoryMapParser} turns it into a validated {@link MemoryMap}. */
record MemoryMapFile(String name, Slots slots, List<EquipmentEntry> equipment, Failure failure,
                     HandshakeEntry handshake, @JsonProperty("frame_limits") Map<String, Limits> frameLimits) {

    record Slots(Integer count, Integer stride, @JsonProperty("read_base") Integer readBase,
                 @JsonProperty("write_base") Integer writeBase, List<Field> fields) {
    }

    record Field(String key, String label, Integer offset, String type, Integer words, Integer scale,
                 @JsonProperty("word_order") String wordOrder, BigDecimal max) {
    }

    record EquipmentEntry(Integer id, String tag, String code, String name, List<String> materials,
                          List<String> aliases, List<String> products) {
    }

    record Failure(Integer base, List<Field> fields) {
    }

    record HandshakeEntry(@JsonProperty("write_ready_flag") Integer writeReadyFlag,
                          @JsonProperty("slot_flag_field") String slotFlagField,
                          @JsonProperty("failure_ack") Integer failureAck) {
    }

    record Limits(Integer read, Integer write) {
    }
}
