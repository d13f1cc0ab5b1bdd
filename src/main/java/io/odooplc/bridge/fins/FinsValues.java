package io.odooplc.bridge.fins;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.plc4x.java.api.exceptions.PlcRuntimeException;
import org.apache.plc4x.java.api.value.PlcValue;
import org.apache.plc4x.java.spi.values.PlcList;

/** Conversions between a tag's PLC words and its PlcValue (a PlcList for array tags). */
final class FinsValues {

    private FinsValues() {
    }

    /** The tag's value from its words, {@code words[0]} being the tag's first word. */
    static PlcValue decode(FinsTag tag, int[] words) {
        if (!tag.array()) {
            return tag.type().decode(words, tag.isBit() ? tag.bit() : 0);
        }
        List<PlcValue> elements = new ArrayList<>(tag.count());
        for (int i = 0; i < tag.count(); i++) {
            elements.add(tag.type().decode(words, tag.isBit() ? tag.bit() + i : i * tag.type().words()));
        }
        return new PlcList(elements);
    }

    /**
     * The value to write, from what the caller passed: one value per element as varargs, or a single Collection or
     * Java array holding them (camel-plc4x hands over one object per tag).
     */
    static PlcValue toPlcValue(FinsTag tag, Object... values) {
        List<Object> flat = flatten(values);
        if (flat.size() != tag.count()) {
            throw new PlcRuntimeException("FINS tag " + tag + " takes " + tag.count() + " value(s), got " + flat.size());
        }
        try {
            if (!tag.array()) {
                return tag.type().toPlcValue(flat.get(0));
            }
            List<PlcValue> elements = new ArrayList<>(flat.size());
            for (Object value : flat) {
                elements.add(tag.type().toPlcValue(value));
            }
            return new PlcList(elements);
        } catch (RuntimeException e) {
            throw new PlcRuntimeException("FINS tag " + tag + ": cannot write " + flat + ": " + e.getMessage(), e);
        }
    }

    static List<PlcValue> elements(PlcValue value) {
        return value.isList() ? List.copyOf(value.getList()) : List.of(value);
    }

    static int[] words(FinsTag tag, PlcValue value) {
        List<PlcValue> elements = elements(value);
        int[] words = new int[elements.size() * tag.type().words()];
        for (int i = 0; i < elements.size(); i++) {
            int[] element = tag.type().encode(elements.get(i));
            System.arraycopy(element, 0, words, i * element.length, element.length);
        }
        return words;
    }

    static boolean[] bits(PlcValue value) {
        List<PlcValue> elements = elements(value);
        boolean[] bits = new boolean[elements.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = elements.get(i).getBoolean();
        }
        return bits;
    }

    private static List<Object> flatten(Object[] values) {
        if (values != null && values.length == 1) {
            Object only = values[0];
            if (only instanceof PlcValue plc && plc.isList()) {
                return new ArrayList<>(plc.getList());
            }
            if (only instanceof Collection<?> collection) {
                return new ArrayList<>(collection);
            }
            if (only != null && only.getClass().isArray()) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < Array.getLength(only); i++) {
                    list.add(Array.get(only, i));
                }
                return list;
            }
        }
        return values == null ? List.of() : new ArrayList<>(List.of(values));
    }
}
