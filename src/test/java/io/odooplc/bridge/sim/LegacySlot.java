package io.odooplc.bridge.sim;

import java.util.Map;

/**
 * A WRITE slot as the bridge writes it, encoded here straight from plant-contract §4.2/§4.3 with literal offsets, so the
 * tests do not trust the simulator's own layout description.
 */
final class LegacySlot {

    private LegacySlot() {
    }

    /** The 77 words of a recipe: BATCH, NO-MO, product in NO-BoM and finished_goods, quantity, IDs, planned kg. */
    static int[] recipe(int batch, String mo, String product, double quantityKg, Map<Integer, Double> plannedKg) {
        int[] words = new int[77];
        words[0] = batch;
        put(words, 1, ascii(mo));
        put(words, 9, ascii(product));
        put(words, 17, ascii(product));
        put(words, 25, scaled(quantityKg));
        for (int equipment = 101; equipment <= 115; equipment++) {
            int idOffset = equipment <= 113 ? 27 + 3 * (equipment - 101) : (equipment == 114 ? 66 : 69);
            words[idOffset] = equipment;
            put(words, idOffset + 1, scaled(plannedKg.getOrDefault(equipment, 0.0)));
        }
        return words;
    }

    /** 16 chars in 8 words, first char in the high byte, NUL-padded. */
    static int[] ascii(String text) {
        int[] words = new int[8];
        for (int i = 0; i < Math.min(16, text.length()); i++) {
            words[i / 2] += i % 2 == 0 ? text.charAt(i) << 8 : text.charAt(i);
        }
        return words;
    }

    /** kg × 100 in two words, high word first. */
    static int[] scaled(double kg) {
        long raw = Math.round(kg * 100);
        return new int[] {(int) (raw >> 16), (int) (raw & 0xFFFF)};
    }

    static long kgTimes100(int[] words, int offset) {
        return ((long) words[offset] << 16) | words[offset + 1];
    }

    private static void put(int[] words, int offset, int[] values) {
        System.arraycopy(values, 0, words, offset, values.length);
    }
}
