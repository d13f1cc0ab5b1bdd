package io.odooplc.bridge.plcio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.plc.TagAddressing;
import io.odooplc.bridge.plc.WordRange;
import org.apache.camel.Exchange;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;

/**
 * Bodies for the camel-plc4x producer ({@code Map<tag name, Map<address, value>>}, one tag per contiguous block of
 * words, one request each) and the check of what it returns. The producer does not raise when it cannot reach the
 * PLC: it logs, skips the request and leaves the body as it was. So a write counts as done only when the body came
 * back as a write response with every tag OK.
 */
public final class PlcWrites {

    /** One contiguous block of words to write. */
    public record Block(WordRange range, int[] words) {
        public Block {
            if (words.length != range.count()) {
                throw new IllegalArgumentException(range + " needs " + range.count() + " words, got " + words.length);
            }
            words = words.clone();
        }
    }

    private final TagAddressing addressing;
    private final PlcLink link;

    public PlcWrites(TagAddressing addressing, PlcLink link) {
        this.addressing = addressing;
        this.link = link;
    }

    /** The producer body writing {@code blocks} in order, each tag named by its DM range. */
    public Map<String, Map<String, Object>> body(List<Block> blocks) {
        Map<String, Map<String, Object>> body = new LinkedHashMap<>();
        for (Block block : blocks) {
            body.put(block.range().toString(), Map.of(addressing.tag(block.range()), value(block.words())));
        }
        return body;
    }

    /** Raises {@link PlcException} unless the PLC accepted every tag of the write just sent. */
    public void check(Object body, Exchange exchange) {
        if (!(body instanceof PlcWriteResponse response)) {
            String tags = body instanceof Map<?, ?> request ? String.join(", ", names(request)) : "?";
            throw link.failed("write", "write", "write to " + link.url() + " not sent (no connection to the PLC); tags "
                    + tags, exchange.getContext());
        }
        link.requests("write", response.getTagNames().size());
        List<String> refused = new ArrayList<>();
        for (String tag : response.getTagNames()) {
            PlcResponseCode code = response.getResponseCode(tag);
            if (code != PlcResponseCode.OK) {
                refused.add(tag + " " + code);
            }
        }
        if (!refused.isEmpty()) {
            throw link.failed("write", "write", "write to " + link.url() + " refused: " + String.join(", ", refused),
                    exchange.getContext());
        }
        link.succeeded("write");
    }

    /**
     * A write that failed inside camel-plc4x (its own 5 s wait ran out, or its connection broke; routed here by
     * routes/task-errors.camel.yaml) is treated like any failed PLC exchange: the PLC health turns DOWN, the
     * connections are reset, and the run fails with this message instead of a bare "TimeoutException: null".
     */
    public void failedInTransit(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root instanceof java.util.concurrent.TimeoutException ? "no answer in time (timeout)"
                : Database.rootMessage(cause);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, link.failed("write", "write",
                "write to " + link.url() + " failed: " + why, exchange.getContext()));
    }

    /** PLC4X 0.13.1 takes a list for an array tag, but a one-element list fails inside the driver: one word goes bare. */
    private static Object value(int[] words) {
        if (words.length == 1) {
            return words[0];
        }
        List<Integer> values = new ArrayList<>(words.length);
        for (int word : words) {
            values.add(word);
        }
        return values;
    }

    private static List<String> names(Map<?, ?> request) {
        return request.keySet().stream().map(String::valueOf).toList();
    }
}
