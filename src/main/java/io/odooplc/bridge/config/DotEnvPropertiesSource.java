package io.odooplc.bridge.config;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./.env} as a source of Camel's properties, between the command line ({@code camel run --prop}) and
 * {@code application.properties}; the environment wins over both, as Camel resolves it first. Camel finds this
 * class through {@code META-INF/services/org/apache/camel/properties-source-factory}, so {@code java -jar} and
 * {@code camel run} read {@code .env} the same way, before anything (the HTTP servers included) is configured.
 * A {@code .env} that cannot be read is kept as a problem for start-up validation to report.
 */
public final class DotEnvPropertiesSource extends MapPropertiesSource {

    public static final String NAME = ".env";
    /** After Camel's command-line source (0), before property files (100 and up). */
    static final int ORDER = 50;

    private final String problem;

    public DotEnvPropertiesSource() {
        this(read(Path.of(NAME)));
    }

    private DotEnvPropertiesSource(Read read) {
        super(NAME, ORDER, read.values());
        this.problem = read.problem();
    }

    /** Why {@code .env} could not be read, if it could not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private record Read(Map<String, String> values, String problem) {
    }

    private static Read read(Path file) {
        try {
            return new Read(DotEnv.read(file), null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return new Read(Map.of(), e.getMessage());
        }
    }
}
