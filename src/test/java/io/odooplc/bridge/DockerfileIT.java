package io.odooplc.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container recipe cannot be built here (no image registry), so this checks what it can after {@code mvn
 * package}: every file it copies exists, it runs as a non-root user, its health check asks /observe/health, and its
 * start command is the one the README's Deploy section gives.
 */
class DockerfileIT {

    private final String dockerfile = read("Dockerfile");

    @Test
    void everyCopiedFileExistsAfterPackage() {
        Matcher copy = Pattern.compile("^COPY (\\S+) \\S+$", Pattern.MULTILINE).matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            assertThat(Path.of(copy.group(1))).as("COPY %s", copy.group(1)).exists();
        }
        assertThat(copies).isGreaterThanOrEqualTo(4);
        assertThat(Path.of("target/lib")).isDirectoryContaining("glob:**/camel-main-*.jar");
    }

    @Test
    void officialTemurin17JreNonRootWithAHealthCheck() {
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
                .containsPattern("(?m)^USER bridge$")
                .containsPattern("(?m)^HEALTHCHECK .*/observe/health");
    }

    @Test
    void theStartCommandIsTheReadmes() throws Exception {
        Matcher cmd = Pattern.compile("(?m)^CMD (\\[.*])$").matcher(dockerfile);
        assertThat(cmd.find()).isTrue();
        List<?> words = new ObjectMapper().readValue(cmd.group(1), List.class);
        String readme = read("README.md");
        String deploy = readme.substring(readme.indexOf("## Deploy"));
        assertThat(deploy).contains(String.join(" ", words.stream().map(String::valueOf).toList()));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
