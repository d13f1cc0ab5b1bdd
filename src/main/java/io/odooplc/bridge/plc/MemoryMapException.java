package io.odooplc.bridge.plc;

/** A memory map file that cannot be used: names the file, the offending entry and what is wrong with it. */
public class MemoryMapException extends RuntimeException {

    private final String source;
    private final String field;
    private final String problem;

    public MemoryMapException(String source, String field, String problem) {
        super("memory map " + source + ": " + field + ": " + problem);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
