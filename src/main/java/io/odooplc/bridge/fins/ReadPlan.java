package io.odooplc.bridge.fins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The fewest word spans that cover a read request's tags. Tags of one area whose words are at most
 * {@link #MERGE_GAP} words apart share a span: reading a few unused words costs two bytes each, another round trip
 * costs a whole frame exchange. BOOL tags are read through their words, so they merge with word tags too.
 * <p>
 * Not the same job as {@code plc.ReadPlanner}: that one decides, above PLC4X and for every protocol, which tags the
 * bridge requests from its memory map; this one is the FINS driver's own optimiser for any PLC4X read request
 * (tags of several areas, BOOLs, a user's own tags) and also serves requests that never came from the bridge.
 */
final class ReadPlan {

    static final int MERGE_GAP = 64;

    private final List<WordSpan> spans;

    private ReadPlan(List<WordSpan> spans) {
        this.spans = List.copyOf(spans);
    }

    static ReadPlan of(Collection<FinsTag> tags) {
        List<FinsTag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparing(FinsTag::area).thenComparingInt(FinsTag::address));
        List<WordSpan> spans = new ArrayList<>();
        WordSpan current = null;
        for (FinsTag tag : sorted) {
            int end = tag.address() + tag.wordCount();
            if (current != null && current.area() == tag.area() && tag.address() <= current.end() + MERGE_GAP) {
                current = new WordSpan(current.area(), current.start(), Math.max(current.end(), end) - current.start());
            } else {
                if (current != null) {
                    spans.add(current);
                }
                current = new WordSpan(tag.area(), tag.address(), tag.wordCount());
            }
        }
        if (current != null) {
            spans.add(current);
        }
        return new ReadPlan(spans);
    }

    List<WordSpan> spans() {
        return spans;
    }

    WordSpan spanOf(FinsTag tag) {
        return spans.stream().filter(span -> span.contains(tag)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no span covers " + tag));
    }
}
