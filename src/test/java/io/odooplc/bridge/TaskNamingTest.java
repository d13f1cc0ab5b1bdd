package io.odooplc.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.odooplc.bridge.config.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One naming rule from a task to its Java: task N's route file {@code routes/taskN-<name>.camel.yaml} says in its
 * second line which bean it calls, {@code <name>} in lowerCamel, of class {@code <Name>}; BridgeConfiguration binds it
 * by that name. Route ids are written in Java strings only in {@link Task}.
 */
class TaskNamingTest {

    private static final Path SOURCES = Path.of("src/main/java/io/odooplc/bridge");
    private static final Pattern JAVA_LINE = Pattern.compile("# Java: bean (\\w+) = ([\\w/]+)/(\\w+)\\.java .*");
    private static final Pattern SQL_ONLY = Pattern.compile("# Java: none, this task is SQL only .*");
    private static final Pattern BEAN_REF = Pattern.compile("\\bref: (\\w+)");
    private static final Pattern BOUND = Pattern.compile("\\.bind\\(\"(\\w+)\"");

    @Test
    void eachTaskRouteFileNamesItsBeanByTheRule() throws IOException {
        String wiring = Files.readString(SOURCES.resolve("BridgeConfiguration.java"));
        for (Task task : Task.values()) {
            assertThat(task.routeId()).startsWith("task" + task.number() + "-");
            String name = task.routeId().substring(task.routeId().indexOf('-') + 1);
            Path file = Path.of("routes", task.routeId() + ".camel.yaml");
            List<String> lines = Files.readAllLines(file);
            String javaLine = lines.get(1);
            Matcher m = JAVA_LINE.matcher(javaLine);
            if (!m.matches()) {
                assertThat(javaLine).as(file + " line 2").matches(SQL_ONLY);
                assertThat(refs(String.join("\n", lines))).as(file + " calls no bean of its own")
                        .doesNotContain(lowerCamel(name));
                continue;
            }
            assertThat(m.group(1)).as(file + ": the bean").isEqualTo(lowerCamel(name));
            assertThat(m.group(3)).as(file + ": the class").isEqualTo(upperCamel(name));
            assertThat(SOURCES.resolve(m.group(2)).resolve(m.group(3) + ".java")).as(file + ": the class file").exists();
            assertThat(refs(String.join("\n", lines))).as(file + " calls its bean").contains(m.group(1));
            assertThat(wiring).as("BridgeConfiguration binds " + m.group(1))
                    .contains("bind(\"" + m.group(1) + "\", ").contains("new " + m.group(3) + "(");
        }
    }

    @Test
    void everyBeanARouteCallsIsBound() throws IOException {
        Set<String> bound = new HashSet<>();
        Set<String> called = new HashSet<>();
        try (Stream<Path> java = Files.walk(SOURCES); Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path p : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = BOUND.matcher(Files.readString(p));
                while (m.find()) {
                    bound.add(m.group(1));
                }
            }
            for (Path p : routes.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                called.addAll(refs(Files.readString(p)));
            }
        }
        assertThat(bound).as("beans bound in src/main/java").containsAll(called);
    }

    @Test
    void routeIdsAreWrittenInJavaOnlyInTask() throws IOException {
        try (Stream<Path> java = Files.walk(SOURCES)) {
            for (Path p : java.filter(p -> p.toString().endsWith(".java") && !p.endsWith("config/Task.java")).toList()) {
                String text = Files.readString(p);
                for (Task task : Task.values()) {
                    // In a string: a comment may point to the route file.
                    assertThat(text).as(p + " writes route id " + task.routeId() + ": use Task")
                            .doesNotContainPattern("\"[^\"\\n]*" + Pattern.quote(task.routeId()));
                }
            }
        }
    }

    private static Set<String> refs(String yaml) {
        Set<String> refs = new HashSet<>();
        Matcher m = BEAN_REF.matcher(yaml);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private static String upperCamel(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static String lowerCamel(String kebab) {
        String upper = upperCamel(kebab);
        return Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }
}
