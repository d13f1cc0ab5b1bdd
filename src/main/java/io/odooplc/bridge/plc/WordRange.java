package io.odooplc.bridge.plc;

/** A contiguous run of DM words. */
public record WordRange(int start, int count) {

    public WordRange {
        if (start < 0 || count < 1) {
            throw new IllegalArgumentException("invalid word range start=" + start + " count=" + count);
        }
    }

    /** First address after the range. */
    public int end() {
        return start + count;
    }

    public boolean contains(int address) {
        return address >= start && address < end();
    }

    @Override
    public String toString() {
        return count == 1 ? Words.dm(start) : Words.dm(start) + "-" + Words.dm(end() - 1);
    }
}
