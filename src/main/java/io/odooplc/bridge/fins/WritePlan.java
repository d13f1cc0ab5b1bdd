package io.odooplc.bridge.fins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Memory Area Write commands for a write request. Word writes of one area that follow each other without a gap
 * are joined (a gap cannot be bridged: that would overwrite words nobody asked to write); then every run is cut into
 * commands of at most {@link MemoryAreaWrite#MAX_WORDS} words. BOOL tags are written through the bit area code, so
 * the other bits of their word are left alone.
 */
final class WritePlan {

    private record WordRun(MemoryArea area, int start, int[] words) {
        int end() {
            return start + words.length;
        }
    }

    private final List<WordRun> runs = new ArrayList<>();
    private final List<MemoryAreaWrite> bitWrites = new ArrayList<>();

    void addWords(FinsTag tag, int[] words) {
        runs.add(new WordRun(tag.area(), tag.address(), words));
    }

    void addBits(FinsTag tag, boolean[] bits) {
        for (int offset = 0; offset < bits.length; offset += MemoryAreaWrite.MAX_WORDS) {
            int absoluteBit = tag.address() * 16 + tag.bit() + offset;
            boolean[] chunk = Arrays.copyOfRange(bits, offset, Math.min(bits.length, offset + MemoryAreaWrite.MAX_WORDS));
            bitWrites.add(MemoryAreaWrite.bits(tag.area().bitCode(), absoluteBit / 16, absoluteBit % 16, chunk));
        }
    }

    List<MemoryAreaWrite> frames() {
        List<MemoryAreaWrite> frames = new ArrayList<>();
        for (WordRun run : joined()) {
            for (int offset = 0; offset < run.words().length; offset += MemoryAreaWrite.MAX_WORDS) {
                int[] chunk = Arrays.copyOfRange(run.words(), offset,
                        Math.min(run.words().length, offset + MemoryAreaWrite.MAX_WORDS));
                frames.add(MemoryAreaWrite.words(run.area().wordCode(), run.start() + offset, chunk));
            }
        }
        frames.addAll(bitWrites);
        return frames;
    }

    private List<WordRun> joined() {
        List<WordRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(WordRun::area).thenComparingInt(WordRun::start));
        List<WordRun> joined = new ArrayList<>();
        for (WordRun run : sorted) {
            WordRun last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.area() == run.area() && last.end() == run.start()) {
                int[] words = Arrays.copyOf(last.words(), last.words().length + run.words().length);
                System.arraycopy(run.words(), 0, words, last.words().length, run.words().length);
                joined.set(joined.size() - 1, new WordRun(last.area(), last.start(), words));
            } else {
                joined.add(run);
            }
        }
        return joined;
    }
}
