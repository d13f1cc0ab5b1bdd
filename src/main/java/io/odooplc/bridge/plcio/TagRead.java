package io.odooplc.bridge.plcio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Timer;
import io.odooplc.bridge.plc.ReadPlan;
import io.odooplc.bridge.plc.ReadPlanner;
import io.odooplc.bridge.plc.ReadRequest;
import io.odooplc.bridge.plc.TagAddressing;
import io.odooplc.bridge.plc.WordRange;
import org.apache.camel.Exchange;
import org.apache.plc4x.java.api.value.PlcValue;

/**
 * One planned read of word ranges through camel-plc4x: the tags a {@code pollEnrich} on {@code plc4x:...?tags=#name}
 * asks for (one tag per planned request, named by its DM range), and the way back from the map camel-plc4x returns to
 * the words of each range. camel-plc4x reports a failed read as an empty map and no exception, a failed tag as a
 * missing or null entry: both raise {@link PlcException} here, so a failed read can never pass as "no data".
 */
public final class TagRead {

    private static final String STARTED = "bridgePlcReadStarted";

    private final String what;
    private final ReadPlan plan;
    private final Map<String, String> tags;
    private final PlcLink link;

    private TagRead(String what, ReadPlan plan, Map<String, String> tags, PlcLink link) {
        this.what = what;
        this.plan = plan;
        this.tags = tags;
        this.link = link;
    }

    /**
     * @param what       names the read in logs and health details, e.g. "READ cycle"
     * @param frameLimit the protocol's read limit, e.g. 125 registers on Modbus
     */
    public static TagRead plan(String what, List<WordRange> ranges, int frameLimit, TagAddressing addressing,
                               PlcLink link) {
        ReadPlan plan = ReadPlanner.plan(ranges, frameLimit);
        Map<String, String> tags = new LinkedHashMap<>();
        for (ReadRequest request : plan.requests()) {
            tags.put(request.range().toString(), addressing.tag(request.range()));
        }
        return new TagRead(what, plan, Collections.unmodifiableMap(tags), link);
    }

    /** Tag name to PLC4X address, bound in the registry for the endpoint's {@code tags=#...} option. */
    public Map<String, String> tags() {
        return tags;
    }

    public int requestCount() {
        return plan.requests().size();
    }

    /** Marks the start of the read, for {@code bridge_plc_read_seconds}. */
    public void begin(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** The words of every planned range; raises {@link PlcException} unless every tag came back whole. */
    public Map<WordRange, int[]> words(Map<String, Object> body, Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            Timer.builder("bridge_plc_read_seconds").tag("read", what).register(link.metrics().registry())
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
        link.requests("read", requestCount());
        List<String> failed = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        for (ReadRequest request : plan.requests()) {
            String name = request.range().toString();
            int[] words = toWords(body == null ? null : body.get(name));
            if (words == null || words.length != request.count()) {
                failed.add(name);
            } else {
                responses.add(words);
            }
        }
        if (!failed.isEmpty()) {
            String why = body == null || body.isEmpty()
                    ? "no answer (timeout, connection refused or lost)"
                    : failed.size() + " of " + requestCount() + " tags missing or incomplete";
            throw link.failed("read", what, what + " from " + link.url() + " failed: " + why + "; tags "
                    + String.join(", ", failed), exchange.getContext());
        }
        link.succeeded(what);
        return plan.assemble(responses);
    }

    /** camel-plc4x hands an array tag back as a list of PLC4X values, a single word as one value. */
    private static int[] toWords(Object value) {
        if (value instanceof PlcValue plc && plc.isList()) {
            value = plc.getList();
        }
        if (value instanceof List<?> list) {
            int[] words = new int[list.size()];
            for (int i = 0; i < words.length; i++) {
                Integer word = toWord(list.get(i));
                if (word == null) {
                    return null;
                }
                words[i] = word;
            }
            return words;
        }
        Integer word = toWord(value);
        return word == null ? null : new int[] {word};
    }

    private static Integer toWord(Object value) {
        if (value instanceof PlcValue plc && plc.isSimple()) {
            return plc.getInt() & 0xFFFF;
        }
        if (value instanceof Number number) {
            return number.intValue() & 0xFFFF;
        }
        return null;
    }
}
