package io.odooplc.bridge.plc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The memory map's numbers, read from the text {@link TextScalarSchema} keeps: decimal only. A whole number with a
 * leading zero is refused, because YAML 1.1 (the reader this map format began with) read 010 as octal 8 and YAML 1.2
 * reads it as 10: the file must say which it means.
 */
final class MapNumbers extends SimpleModule {

    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");

    MapNumbers() {
        super("MapNumbers");
        addDeserializer(Integer.class, refusingLeadingZero(Integer.class));
        addDeserializer(BigDecimal.class, refusingLeadingZero(BigDecimal.class));
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> refusingLeadingZero(Class<T> type) {
        JsonDeserializer<T> standard = (JsonDeserializer<T>) NumberDeserializers.find(type, type.getName());
        return new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.hasToken(JsonToken.VALUE_STRING) && LEADING_ZERO.matcher(p.getText().strip()).matches()) {
                    throw ctxt.weirdStringException(p.getText(), type,
                            "a leading zero is octal in YAML 1.1 and decimal in YAML 1.2: write the number without it");
                }
                return standard.deserialize(p, ctxt);
            }
        };
    }
}
