package io.odooplc.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators (package {@code sim}) stay beside production code, never inside it: no production source names the
 * package, by import or in full. Production reaches the demo only through {@link DemoPlant}.
 */
class SimBoundaryTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "odooplc", "bridge");
    private static final String SIM = "io.odooplc.bridge.sim";

    @Test
    void noProductionSourceNamesTheSimPackage() throws IOException {
        List<Path> production = sources(p -> !p.startsWith(SOURCES.resolve("sim")));
        List<Path> simulators = sources(p -> p.startsWith(SOURCES.resolve("sim")));

        assertThat(production).hasSizeGreaterThan(50);
        // The scan finds the name where it is written: every simulator source declares its package with it.
        assertThat(simulators).isNotEmpty().allSatisfy(p -> assertThat(read(p)).contains(SIM));
        assertThat(production).filteredOn(p -> read(p).contains(SIM)).isEmpty();
    }

    private static List<Path> sources(Predicate<Path> which) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(which).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
