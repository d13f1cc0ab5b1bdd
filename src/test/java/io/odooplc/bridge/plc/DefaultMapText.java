package io.odooplc.bridge.plc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped map's YAML text, edited for tests that need a variant of it. */
final class DefaultMapText {

    private DefaultMapText() {
    }

    static String text() {
        try (InputStream in = DefaultMapText.class.getClassLoader().getResourceAsStream(MemoryMap.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default text with one exact fragment replaced; fails loudly if the fragment is not there. */
    static String with(String fragment, String replacement) {
        String text = text();
        if (!text.contains(fragment)) {
            throw new IllegalArgumentException("default map has no fragment: " + fragment);
        }
        return text.replace(fragment, replacement);
    }

    static MemoryMap mapWith(String fragment, String replacement) {
        return MemoryMap.parse(with(fragment, replacement), "variant.yaml");
    }
}
