package io.odooplc.bridge.fins;

import java.util.LinkedHashMap;

import org.apache.plc4x.java.api.exceptions.PlcInvalidTagException;
import org.apache.plc4x.java.api.exceptions.PlcRuntimeException;
import org.apache.plc4x.java.api.messages.PlcWriteRequest;
import org.apache.plc4x.java.api.model.PlcTag;
import org.apache.plc4x.java.spi.messages.DefaultPlcWriteRequest;
import org.apache.plc4x.java.spi.messages.PlcWriter;
import org.apache.plc4x.java.spi.messages.utils.DefaultPlcTagValueItem;
import org.apache.plc4x.java.spi.messages.utils.PlcTagValueItem;

/** Builds write requests, parsing each address and converting its value as it is added. */
final class FinsWriteRequestBuilder implements PlcWriteRequest.Builder {

    private final PlcWriter writer;
    private final LinkedHashMap<String, PlcTagValueItem<PlcTag>> tags = new LinkedHashMap<>();

    FinsWriteRequestBuilder(PlcWriter writer) {
        this.writer = writer;
    }

    @Override
    public PlcWriteRequest.Builder addTagAddress(String name, String address, Object... values) {
        return addTag(name, FinsTag.parse(address), values);
    }

    @Override
    public PlcWriteRequest.Builder addTag(String name, PlcTag tag, Object... values) {
        if (tags.containsKey(name)) {
            throw new PlcRuntimeException("Duplicate tag name '" + name + "'");
        }
        if (!(tag instanceof FinsTag finsTag)) {
            throw new PlcInvalidTagException("Tag '" + name + "' is not a FINS tag: " + tag);
        }
        tags.put(name, new DefaultPlcTagValueItem<>(tag, FinsValues.toPlcValue(finsTag, values)));
        return this;
    }

    @Override
    public PlcWriteRequest build() {
        return new DefaultPlcWriteRequest(writer, tags);
    }
}
