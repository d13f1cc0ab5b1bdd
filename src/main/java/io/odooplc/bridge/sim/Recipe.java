package io.odooplc.bridge.sim;

import java.util.Arrays;

/** One WRITE slot as the plant took it: the 77 words the bridge wrote, kept as the PLC keeps them. */
final class Recipe {

    private final int slot;
    private final int[] words;

    Recipe(int slot, int[] words) {
        if (words.length != SlotLayout.SLOT_WORDS) {
            throw new IllegalArgumentException("a recipe is " + SlotLayout.SLOT_WORDS + " words, got " + words.length);
        }
        this.slot = SlotLayout.checkSlot(slot);
        this.words = words.clone();
    }

    int slot() {
        return slot;
    }

    String moName() {
        return LegacyWords.text(words, SlotLayout.NO_MO, SlotLayout.TEXT_WORDS);
    }

    int[] words(int offset, int count) {
        return Arrays.copyOfRange(words, offset, offset + count);
    }

    /** Planned consumption of equipment 101..115, as written: kg × 100. */
    long plannedRaw(int equipment) {
        return LegacyWords.scaled32(words, SlotLayout.consumptionOffset(equipment));
    }
}
