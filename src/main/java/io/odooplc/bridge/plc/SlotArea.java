package io.odooplc.bridge.plc;

/** A run of equally spaced slots (the READ or the WRITE area). Slots are numbered from 1. */
public record SlotArea(String name, int firstBase, int count, int stride, int width) {

    public int base(int slot) {
        if (slot < 1 || slot > count) {
            throw new IllegalArgumentException(name + " slot " + slot + " does not exist (1.." + count + ")");
        }
        return firstBase + stride * (slot - 1);
    }

    public WordRange range(int slot) {
        return new WordRange(base(slot), width);
    }

    /** Addresses from the first slot's base to the end of the last slot's stride. */
    public WordRange span() {
        return new WordRange(firstBase, stride * count);
    }
}
