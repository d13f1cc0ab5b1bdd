package io.odooplc.bridge.plc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requests that cover a set of ranges, and the way back from their responses to the ranges. */
public record ReadPlan(List<ReadRequest> requests, List<WordRange> ranges) {

    public ReadPlan {
        requests = List.copyOf(requests);
        ranges = List.copyOf(ranges);
    }

    /**
     * Cuts the responses (one per request, in request order) back into the requested ranges. A response of the wrong
     * length is refused: a short or long answer is how torn frames showed up in the field (plant-contract #8).
     */
    public Map<WordRange, int[]> assemble(List<int[]> responses) {
        if (responses.size() != requests.size()) {
            throw new IllegalArgumentException("expected " + requests.size() + " responses, got " + responses.size());
        }
        for (int i = 0; i < requests.size(); i++) {
            ReadRequest request = requests.get(i);
            if (responses.get(i).length != request.count()) {
                throw new IllegalArgumentException("response for " + request.range() + " has "
                        + responses.get(i).length + " words, expected " + request.count());
            }
        }
        Map<WordRange, int[]> out = new LinkedHashMap<>();
        for (WordRange range : ranges) {
            int[] words = new int[range.count()];
            for (int i = 0; i < requests.size(); i++) {
                copyOverlap(requests.get(i).range(), responses.get(i), range, words);
            }
            out.put(range, words);
        }
        return out;
    }

    private static void copyOverlap(WordRange source, int[] sourceWords, WordRange target, int[] targetWords) {
        int from = Math.max(source.start(), target.start());
        int to = Math.min(source.end(), target.end());
        if (from < to) {
            System.arraycopy(sourceWords, from - source.start(), targetWords, from - target.start(), to - from);
        }
    }
}
