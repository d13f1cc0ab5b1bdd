package io.odooplc.bridge.sim;

import static io.odooplc.bridge.sim.SlotLayout.SLOT_WORDS;

/**
 * A READ slot as the legacy middleware once saw it through a torn or misaligned response (plant-contract #8-#10,
 * §7 snapshot of 03-07): BATCH 0xB000, bytes 0x82/0xB0 inside the text fields ("#s", "HW", "M//O005011"),
 * a quantity of 8,084,755.22 kg, silo 101/102 actuals 2479.38/657.13 kg, the silo-110 ID bled into its
 * consumption ([110, 0]), weight raw [32768, 17422], yet "status manufaturing" = 1 so only content checks catch it.
 */
final class GarbledSlot {

    private static final int[] WORDS = new int[SLOT_WORDS];

    static {
        put(0, 45056, 176, 5328, 45076);                                  // BATCH = -20480, NO-MO starts with noise
        put(4, 0x2373, 0x8200, 0x4857, 0x8282, 0x0000);                   // "#s", 0x82, "HW"
        put(9, 0x4D2F, 0x2F4F, 0x3030, 0x3530, 0x3131, 0x8200, 0, 0);     // NO-BoM "M//O005011" + 0x82
        put(17, 0x4D2F, 0x2F4F, 0x3030, 0x3530, 0x3131, 0x8200, 0, 0);    // finished_goods, same
        put(25, 0x3030, 0x5B82);                                          // Quantity 808475522 = 8,084,755.22 kg
        put(27, 0x8200, 3, 51330);                                        // silo 101: ID noise, 2479.38 kg
        put(30, 102, 1, 177);                                             // silo 102: 657.13 kg
        put(54, 110, 110, 0);                                             // silo 110: ID bled into consumption
        put(72, 1, 0, 32768, 17422, 0);                                   // finished, weight [32768, 17422]
    }

    private GarbledSlot() {
    }

    static int[] words() {
        return WORDS.clone();
    }

    private static void put(int offset, int... values) {
        System.arraycopy(values, 0, WORDS, offset, values.length);
    }
}
