package io.odooplc.bridge.plc;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;

import java.util.regex.Pattern;

/**
 * The YAML 1.2 schema the memory map is loaded with: a plain scalar stays the text written, except the null words,
 * so the model's field decides its type (a product code 0123 or a label 1.10 or yes stays as written; YAML 1.1
 * would have made 83, 1.1 and true of them).
 */
final class TextScalarSchema extends JsonSchema {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    @Override
    public ScalarResolver getScalarResolver() {
        return (value, implicit) -> implicit && NULL.matcher(value).matches() ? Tag.NULL : Tag.STR;
    }
}
