package io.odooplc.bridge.fins;

import java.util.LinkedHashMap;

import org.apache.plc4x.java.api.exceptions.PlcInvalidTagException;
import org.apache.plc4x.java.api.exceptions.PlcRuntimeException;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.model.PlcTag;
import org.apache.plc4x.java.spi.messages.DefaultPlcReadRequest;
import org.apache.plc4x.java.spi.messages.PlcReader;
import org.apache.plc4x.java.spi.messages.utils.DefaultPlcTagItem;
import org.apache.plc4x.java.spi.messages.utils.PlcTagItem;

/**
 * Builds read requests, parsing each address as it is added. (PLC4X's own builder defers parsing and turns a bad
 * address into a bare INVALID_ADDRESS code; here the caller gets the parser's message naming the tag.)
 */
final class FinsReadRequestBuilder implements PlcReadRequest.Builder {

    private final PlcReader reader;
    private final LinkedHashMap<String, PlcTagItem<PlcTag>> tags = new LinkedHashMap<>();

    FinsReadRequestBuilder(PlcReader reader) {
        this.reader = reader;
    }

    @Override
    public PlcReadRequest.Builder addTagAddress(String name, String address) {
        return addTag(name, FinsTag.parse(address));
    }

    @Override
    public PlcReadRequest.Builder addTag(String name, PlcTag tag) {
        if (tags.containsKey(name)) {
            throw new PlcRuntimeException("Duplicate tag name '" + name + "'");
        }
        if (!(tag instanceof FinsTag)) {
            throw new PlcInvalidTagException("Tag '" + name + "' is not a FINS tag: " + tag);
        }
        tags.put(name, new DefaultPlcTagItem<>(tag));
        return this;
    }

    @Override
    public PlcReadRequest build() {
        return new DefaultPlcReadRequest(reader, tags);
    }
}
