package io.odooplc.bridge.fins;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.plc4x.java.api.exceptions.PlcInvalidTagException;
import org.apache.plc4x.java.api.model.ArrayInfo;
import org.apache.plc4x.java.api.model.PlcTag;
import org.apache.plc4x.java.api.types.PlcValueType;
import org.apache.plc4x.java.spi.model.DefaultArrayInfo;

/**
 * A tag in Omron notation: {@code D6000:UINT[77]}, {@code W10:INT}, {@code CIO100:UINT[4]}, {@code D100.05:BOOL}.
 *
 * @param bit   the bit number 0..15 for BOOL tags, -1 for word tags
 * @param count number of elements; {@code array} says whether the address had {@code [n]}
 */
public record FinsTag(MemoryArea area, int address, int bit, FinsDataType type, int count, boolean array)
        implements PlcTag {

    private static final Pattern ADDRESS = Pattern.compile(
            "^(?<area>CIO|D|W|H|A)(?<word>\\d{1,5})(?:\\.(?<bit>\\d{1,2}))?:(?<type>[A-Z]+)(?:\\[(?<count>\\d{1,5})])?$");

    static final String ALLOWED = "<area><word>[.<bit>]:<type>[<count>] with area D, CIO, W, H or A and type one of "
            + FinsDataType.NAMES + ", e.g. D6000:UINT[77], W10:INT, D200:REAL, D100.05:BOOL";

    /** Parses an address; anything that is not exactly the documented syntax is a {@link PlcInvalidTagException}. */
    public static FinsTag parse(String address) {
        Matcher m = ADDRESS.matcher(address == null ? "" : address.trim());
        if (!m.matches()) {
            throw invalid(address, "not a FINS tag address");
        }
        MemoryArea area = MemoryArea.ofPrefix(m.group("area"));
        if (!FinsDataType.NAMES.contains(m.group("type"))) {
            throw invalid(address, "unknown data type " + m.group("type"));
        }
        FinsDataType type = FinsDataType.valueOf(m.group("type"));
        int word = Integer.parseInt(m.group("word"));
        boolean hasBit = m.group("bit") != null;
        int bit = hasBit ? Integer.parseInt(m.group("bit")) : -1;
        boolean array = m.group("count") != null;
        int count = array ? Integer.parseInt(m.group("count")) : 1;
        if (hasBit != (type == FinsDataType.BOOL)) {
            throw invalid(address, hasBit ? "a bit address (.nn) needs type BOOL" : "BOOL needs a bit, e.g. D100.05");
        }
        if (hasBit && bit > 15) {
            throw invalid(address, "bit " + bit + " is outside 0..15");
        }
        if (count < 1) {
            throw invalid(address, "count must be at least 1");
        }
        FinsTag tag = new FinsTag(area, word, bit, type, count, array);
        if (word + tag.wordCount() > MemoryArea.MAX_WORDS) {
            throw invalid(address, "words " + word + ".." + (word + tag.wordCount() - 1) + " are outside "
                    + area.prefix() + "0.." + area.prefix() + (MemoryArea.MAX_WORDS - 1));
        }
        return tag;
    }

    private static PlcInvalidTagException invalid(String address, String why) {
        return new PlcInvalidTagException("Invalid FINS tag '" + address + "': " + why + ". Allowed: " + ALLOWED);
    }

    public boolean isBit() {
        return bit >= 0;
    }

    /** Number of whole words the tag touches. */
    public int wordCount() {
        return isBit() ? (bit + count - 1) / 16 + 1 : count * type.words();
    }

    @Override
    public String getAddressString() {
        return area.prefix() + address + (isBit() ? String.format(".%02d", bit) : "") + ":" + type
                + (array ? "[" + count + "]" : "");
    }

    @Override
    public PlcValueType getPlcValueType() {
        return type.plcValueType();
    }

    @Override
    public List<ArrayInfo> getArrayInfo() {
        return array ? List.of(new DefaultArrayInfo(0, count - 1)) : List.of();
    }

    @Override
    public String toString() {
        return getAddressString();
    }
}
