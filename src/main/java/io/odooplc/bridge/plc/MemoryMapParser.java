package io.odooplc.bridge.plc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the YAML memory map format into model objects, reporting the first entry that is malformed. The YAML is
 * loaded with snakeyaml-engine (YAML 1.2, the library Camel reads the routes with) and bound to the model by Jackson.
 */
final class MemoryMapParser {

    private static final TextScalarSchema SCHEMA = new TextScalarSchema();
    private static final ObjectMapper BINDER = new ObjectMapper().registerModule(new MapNumbers());

    private final String source;

    MemoryMapParser(String source) {
        this.source = source;
    }

    MemoryMap parse(String yaml) {
        MemoryMapFile file = read(yaml);
        MemoryMapFile.Slots slots = required(file.slots(), "slots");
        SlotLayout layout = new SlotLayout(fields("slots.fields", required(slots.fields(), "slots.fields")));
        int stride = required(slots.stride(), "slots.stride");
        int count = required(slots.count(), "slots.count");
        SlotArea read = new SlotArea("READ", required(slots.readBase(), "slots.read_base"), count, stride,
                layout.width());
        SlotArea write = new SlotArea("WRITE", required(slots.writeBase(), "slots.write_base"), count, stride,
                layout.width());
        MemoryMapFile.Failure failure = required(file.failure(), "failure");
        FailureArea failureArea = new FailureArea(required(failure.base(), "failure.base"),
                fields("failure.fields", required(failure.fields(), "failure.fields")));
        MemoryMapFile.HandshakeEntry hs = required(file.handshake(), "handshake");
        Handshake handshake = new Handshake(required(hs.writeReadyFlag(), "handshake.write_ready_flag"),
                required(hs.slotFlagField(), "handshake.slot_flag_field"),
                required(hs.failureAck(), "handshake.failure_ack"));
        MemoryMap map = new MemoryMap(required(file.name(), "name"), source, layout, read, write, failureArea,
                equipment(required(file.equipment(), "equipment")), handshake,
                limits(required(file.frameLimits(), "frame_limits")));
        new MemoryMapValidator(map).validate();
        return map;
    }

    private MemoryMapFile read(String yaml) {
        Object document;
        try {
            // Duplicate keys and a second document are refused (the default settings), not silently dropped.
            document = new Load(LoadSettings.builder().setLabel(source).setSchema(SCHEMA).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new MemoryMapException(source, "document", "not valid YAML: " + problem(e));
        }
        try {
            return required(BINDER.convertValue(document, MemoryMapFile.class), "document");
        } catch (IllegalArgumentException e) {
            // convertValue wraps the binding error, which knows where in the document it is.
            if (e.getCause() instanceof JsonMappingException binding) {
                throw new MemoryMapException(source, path(binding), binding.getOriginalMessage());
            }
            throw e;
        }
    }

    /** The parser's problem and where it is, on one line (the start-up error is one line; the snippet is not). */
    private static String problem(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return context + marked.getProblem() + marked.getProblemMark()
                    .map(mark -> " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)).orElse("");
        }
        return e.getMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "document" : path.toString();
    }

    private List<FieldSpec> fields(String where, List<MemoryMapFile.Field> entries) {
        List<FieldSpec> fields = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            fields.add(field(where + "[" + i + "]", entries.get(i)));
        }
        return fields;
    }

    private FieldSpec field(String where, MemoryMapFile.Field f) {
        String key = required(f.key(), where + ".key");
        String name = where + " (" + key + ")";
        WordType type = enumValue(WordType.class, required(f.type(), name + ".type"), name + ".type");
        int words = words(name, type, f.words());
        if (f.scale() != null && type != WordType.SCALED32) {
            throw new MemoryMapException(source, name, "scale is only meaningful for SCALED32, not " + type);
        }
        int scale = f.scale() == null ? 1 : f.scale();
        if (scale < 1) {
            throw new MemoryMapException(source, name, "scale must be positive, was " + scale);
        }
        if (f.wordOrder() != null && !type.isTwoWords()) {
            throw new MemoryMapException(source, name, "word_order applies to two-word types only, not " + type);
        }
        WordOrder order = f.wordOrder() == null ? WordOrder.HIGH_FIRST
                : enumValue(WordOrder.class, f.wordOrder(), name + ".word_order");
        if (f.max() != null && !type.isNumeric()) {
            throw new MemoryMapException(source, name, "max applies to numeric types only, not " + type);
        }
        int offset = required(f.offset(), name + ".offset");
        return new FieldSpec(key, f.label() == null ? key : f.label(), offset, words, type, scale, order, f.max());
    }

    private int words(String name, WordType type, Integer declared) {
        if (type == WordType.ASCII) {
            int words = required(declared, name + ".words");
            if (words < 1) {
                throw new MemoryMapException(source, name, "ASCII needs at least one word, was " + words);
            }
            return words;
        }
        if (declared != null && declared != type.fixedWords()) {
            throw new MemoryMapException(source, name,
                    type + " occupies " + type.fixedWords() + " word(s), not " + declared);
        }
        return type.fixedWords();
    }

    private List<Equipment> equipment(List<MemoryMapFile.EquipmentEntry> entries) {
        List<Equipment> list = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            MemoryMapFile.EquipmentEntry e = entries.get(i);
            String where = "equipment[" + i + "]";
            list.add(new Equipment(required(e.id(), where + ".id"), required(e.tag(), where + ".tag"),
                    required(e.code(), where + ".code"), e.name() == null ? e.code() : e.name(),
                    e.materials() == null ? List.of() : e.materials(), e.aliases() == null ? List.of() : e.aliases(),
                    e.products() == null ? List.of() : e.products()));
        }
        return list;
    }

    private Map<Protocol, FrameLimit> limits(Map<String, MemoryMapFile.Limits> entries) {
        Map<Protocol, FrameLimit> limits = new EnumMap<>(Protocol.class);
        entries.forEach((name, l) -> {
            String where = "frame_limits." + name;
            Protocol protocol = enumValue(Protocol.class, name, where);
            limits.put(protocol, new FrameLimit(required(l.read(), where + ".read"), required(l.write(), where + ".write")));
        });
        return limits;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MemoryMapException(source, where, "unknown value '" + value + "', expected one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    private <T> T required(T value, String where) {
        if (value == null) {
            throw new MemoryMapException(source, where, "missing");
        }
        return value;
    }
}
