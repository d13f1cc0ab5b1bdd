package io.odooplc.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "why" a comment cites is in the repository: each {@code plant-contract §N.M} names a heading and each
 * {@code plant-contract #N} a row of docs/plant-contract.md, and every document a source names is in the repository.
 */
class PlantContractReferencesTest {

    private static final Path CONTRACT = Path.of("docs/plant-contract.md");
    private static final Pattern CITATION = Pattern.compile("plant-contract(?:\\.md)? ((?:[§#]\\d+(?:\\.\\d+)?[-,/ and]*)+)");
    private static final Pattern ITEM = Pattern.compile("([§#])(\\d+(?:\\.\\d+)?)");

    @Test
    void everyCitationNamesASectionOrRowOfTheContract() throws IOException {
        String contract = Files.readString(CONTRACT);
        List<String> broken = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            Matcher cite = CITATION.matcher(read(file));
            while (cite.find()) {
                Matcher item = ITEM.matcher(cite.group(1));
                while (item.find()) {
                    citations++;
                    boolean found = item.group(1).equals("§")
                            ? Pattern.compile("(?m)^#{2,3} " + Pattern.quote(item.group(2)) + "[. ]").matcher(contract).find()
                            : Pattern.compile("(?m)^\\| " + Pattern.quote(item.group(2)) + " \\|").matcher(contract).find();
                    if (!found) {
                        broken.add(file + ": " + item.group());
                    }
                }
            }
        }
        assertThat(citations).as("citations found").isGreaterThan(20);
        assertThat(broken).as("citations with no section or row in " + CONTRACT).isEmpty();
    }

    @Test
    void everyDocumentNamedInTheSourcesIsInTheRepository() {
        Pattern document = Pattern.compile("\\b[A-Z][A-Z_-]+\\.md\\b");
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            Matcher named = document.matcher(read(file));
            while (named.find()) {
                String name = named.group();
                if (!Files.exists(Path.of(name)) && !Files.exists(Path.of("docs", name))) {
                    missing.add(file + ": " + name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> sources() {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src", "routes", "bench", "README.md", "application.properties", ".env.example")) {
            Path path = Path.of(root);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|ya?ml|sql|sh|md|properties|xml|example)$"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
