package io.odooplc.bridge.plc;

/** Largest number of words one request may read or write. */
public record FrameLimit(int read, int write) {
}
