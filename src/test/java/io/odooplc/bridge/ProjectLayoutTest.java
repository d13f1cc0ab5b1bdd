package io.odooplc.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** README's "Project layout" matches the tree: every path it names exists, and it names every package and folder. */
class ProjectLayoutTest {

    private static final Path SOURCES = Path.of("src/main/java/io/odooplc/bridge");

    /** The paths the layout names, the indented ones relative to the source folder above them. */
    private static List<Path> named() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```\n", readme.indexOf("## Project layout")) + 4;
        String block = readme.substring(start, readme.indexOf("```", start));
        List<Path> paths = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.startsWith("   ")) {
                continue; // a description's continuation
            }
            String name = line.strip().split("\\s+")[0];
            paths.add(line.startsWith("  ") ? SOURCES.resolve(name) : Path.of(name));
        }
        return paths;
    }

    @Test
    void everyNamedPathExists() throws IOException {
        assertThat(named()).isNotEmpty().allSatisfy(path -> assertThat(path).exists());
    }

    @Test
    void everyPackageAndTopLevelFolderIsNamed() throws IOException {
        Set<Path> named = new TreeSet<>(named());
        try (Stream<Path> packages = Files.list(SOURCES)) {
            packages.filter(Files::isDirectory).forEach(p -> assertThat(named).as("package " + p).contains(p));
        }
        Set<String> ignored = Set.of("src", "target", "data");
        try (Stream<Path> top = Files.list(Path.of("."))) {
            top.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !ignored.contains(name))
                    .forEach(name -> assertThat(named.stream().anyMatch(p -> p.startsWith(name)))
                            .as("folder " + name + "/ named").isTrue());
        }
    }
}
