package io.odooplc.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Grafana dashboard only queries metrics the bridge registers. */
class DashboardTest {

    @Test
    void everyBridgeMetricTheDashboardQueriesIsRegisteredInTheCode() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("dashboards/odoo-plc-bridge.grafana.json").toFile());
        Set<String> queried = new TreeSet<>();
        Matcher m = Pattern.compile("bridge_[a-z_]+").matcher(dashboard.toString());
        while (m.find()) {
            queried.add(m.group().replaceAll("_(sum|count|bucket)$", ""));
        }
        String code;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            code = files.filter(p -> p.toString().endsWith(".java")).map(DashboardTest::read)
                    .collect(Collectors.joining("\n"));
        }
        assertThat(queried).isNotEmpty();
        for (String metric : queried) {
            assertThat(code).as("metric %s registered in src/main/java", metric).contains("\"" + metric + "\"");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
