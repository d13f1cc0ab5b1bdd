package io.odooplc.bridge.sim;

import java.util.Arrays;

/**
 * The PLC's DM area as the simulator holds it: 32768 words of 16-bit unsigned values, all zero at start.
 *
 * <p>Every method locks the whole image, so a range written in one call (a whole slot, an FC16 request) is
 * never seen half-written by a concurrent range read. That is stricter than a real PLC, whose torn reads the
 * plant model reproduces on purpose instead.
 */
public final class WordImage {

    /** Number of DM words: addresses 0..32767. */
    public static final int SIZE = 32768;

    private static final int MAX_WORD = 0xFFFF;

    private final int[] words = new int[SIZE];

    public synchronized int get(int address) {
        checkRange(address, 1);
        return words[address];
    }

    public synchronized void set(int address, int value) {
        checkRange(address, 1);
        words[address] = checkWord(address, value);
    }

    /** Copies {@code count} words starting at {@code address}. */
    public synchronized int[] read(int address, int count) {
        checkRange(address, count);
        return Arrays.copyOfRange(words, address, address + count);
    }

    /** Writes all {@code values} starting at {@code address}, as one atomic change. */
    public synchronized void write(int address, int... values) {
        checkRange(address, values.length);
        for (int i = 0; i < values.length; i++) {
            checkWord(address + i, values[i]);
        }
        System.arraycopy(values, 0, words, address, values.length);
    }

    /** Sets {@code count} words starting at {@code address} to zero. */
    public synchronized void clear(int address, int count) {
        checkRange(address, count);
        Arrays.fill(words, address, address + count, 0);
    }

    /** True when {@code [address, address + count)} lies inside the image. */
    public static boolean contains(int address, int count) {
        return address >= 0 && count >= 0 && address + count <= SIZE;
    }

    private static void checkRange(int address, int count) {
        if (!contains(address, count)) {
            throw new IllegalArgumentException(
                    "DM range D" + address + " (+" + count + " words) is outside D0..D" + (SIZE - 1));
        }
    }

    private static int checkWord(int address, int value) {
        if (value < 0 || value > MAX_WORD) {
            throw new IllegalArgumentException("D" + address + ": " + value + " is not a 16-bit unsigned word");
        }
        return value;
    }
}
