package io.odooplc.bridge.plc;

/** One contiguous read the driver performs. */
public record ReadRequest(WordRange range) {

    public int start() {
        return range.start();
    }

    public int count() {
        return range.count();
    }
}
