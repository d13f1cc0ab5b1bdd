package io.odooplc.bridge.fins;

import java.util.ArrayList;
import java.util.List;

/** A run of consecutive words of one memory area that is read together. */
record WordSpan(MemoryArea area, int start, int count) {

    int end() {
        return start + count;
    }

    boolean contains(FinsTag tag) {
        return tag.area() == area && tag.address() >= start && tag.address() + tag.wordCount() <= end();
    }

    /** The span as Memory Area Read commands of at most {@link MemoryAreaRead#MAX_WORDS} words each. */
    List<MemoryAreaRead> frames() {
        List<MemoryAreaRead> frames = new ArrayList<>();
        for (int offset = 0; offset < count; offset += MemoryAreaRead.MAX_WORDS) {
            frames.add(new MemoryAreaRead(area.wordCode(), start + offset, 0,
                    Math.min(MemoryAreaRead.MAX_WORDS, count - offset)));
        }
        return frames;
    }

    @Override
    public String toString() {
        return area.prefix() + start + ".." + area.prefix() + (end() - 1);
    }
}
