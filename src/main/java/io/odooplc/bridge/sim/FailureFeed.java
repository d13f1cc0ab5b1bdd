package io.odooplc.bridge.sim;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The PLC's equipment-failure area (D8000-D8022, plant-contract §4.3): equipment code and info text (8 words each), the time in
 * BCD (year in one word, month..second in the low byte of one word each), and the read flag D8022. Raised failures
 * wait in a queue; the PLC shows the next one when the area is free or the bridge has acknowledged the shown one
 * (D8022 = 1), and then sets D8022 back to 0.
 */
public final class FailureFeed {

    static final int BASE = 8000;
    static final int FLAG = 8022;

    private final WordImage image;
    private final Deque<int[]> queue = new ArrayDeque<>();
    private boolean showing;

    public FailureFeed(WordImage image) {
        this.image = image;
    }

    /** Queues a failure as the PLC would report it. */
    public synchronized void raise(String equipmentCode, String info, LocalDateTime at) {
        int[] words = new int[22];
        System.arraycopy(LegacyWords.ascii(equipmentCode, 8), 0, words, 0, 8);
        System.arraycopy(LegacyWords.ascii(info, 8), 0, words, 8, 8);
        words[16] = bcd(at.getYear(), 4);
        words[17] = bcd(at.getMonthValue(), 2);
        words[18] = bcd(at.getDayOfMonth(), 2);
        words[19] = bcd(at.getHour(), 2);
        words[20] = bcd(at.getMinute(), 2);
        words[21] = bcd(at.getSecond(), 2);
        queue.add(words);
    }

    /** Queues a failure whose time words are not BCD (0x1A in the month), as a faulty PLC program might write. */
    public synchronized void raiseWithInvalidTime(String equipmentCode, String info) {
        raise(equipmentCode, info, LocalDateTime.of(2026, 1, 1, 0, 0));
        queue.peekLast()[17] = 0x1A;
    }

    /** Shows the next queued failure once the shown one is acknowledged. Called by the plant's tick. */
    public synchronized void tick() {
        boolean acknowledged = image.get(FLAG) == 1;
        if (showing && !acknowledged) {
            return;
        }
        int[] next = queue.poll();
        if (next == null) {
            return;
        }
        image.write(BASE, next);
        image.set(FLAG, 0);
        showing = true;
    }

    public synchronized int waiting() {
        return queue.size();
    }

    private static int bcd(int value, int digits) {
        int out = 0;
        for (int i = 0; i < digits; i++) {
            out |= (value % 10) << (4 * i);
            value /= 10;
        }
        return out;
    }
}
