package io.odooplc.bridge.sim;

/**
 * Where the legacy PLC program keeps a batch (plant-contract §4.1 and §4.3), written down here independently of the
 * bridge's own codec so that the bridge is tested against a second reading of the same layout.
 *
 * <p>A slot is 77 words at offsets +0..+76 from its base; READ and WRITE slots share the layout.
 */
final class SlotLayout {

    static final int SLOT_COUNT = 10;
    static final int SLOT_WORDS = 77;
    static final int SLOT_STRIDE = 100;
    static final int READ_AREA = 6000;
    static final int WRITE_AREA = 7000;

    static final int BATCH = 0;
    static final int NO_MO = 1;
    static final int NO_BOM = 9;
    static final int FINISHED_GOODS = 17;
    static final int TEXT_WORDS = 8;
    static final int QUANTITY = 25;
    static final int STATUS_MANUFACTURING = 72;
    static final int STATUS_OPERATION = 73;
    static final int WEIGHT_FINISHED_GOOD = 74;
    static final int STATUS_READ_DATA = 76;

    /** Silos 101..113 and liquids 114 (tetes), 115 (fml): one ID word and one 2-word consumption each. */
    static final int FIRST_EQUIPMENT = 101;
    static final int LAST_EQUIPMENT = 115;
    static final int EQUIPMENT_COUNT = LAST_EQUIPMENT - FIRST_EQUIPMENT + 1;

    /** The global "recipes taken" flag: D7076, which is also WRITE slot 1's status_read_data. */
    static final int RECIPES_TAKEN_FLAG = WRITE_AREA + STATUS_READ_DATA;

    private SlotLayout() {
    }

    static int readSlotBase(int slot) {
        return READ_AREA + SLOT_STRIDE * (checkSlot(slot) - 1);
    }

    static int writeSlotBase(int slot) {
        return WRITE_AREA + SLOT_STRIDE * (checkSlot(slot) - 1);
    }

    /** Offset of equipment n's ID word; the silo formula of §4.3 also lands LQ114 at +66 and LQ115 at +69. */
    static int equipmentIdOffset(int equipment) {
        return 27 + 3 * (equipment - FIRST_EQUIPMENT);
    }

    static int consumptionOffset(int equipment) {
        return equipmentIdOffset(equipment) + 1;
    }

    static int checkSlot(int slot) {
        if (slot < 1 || slot > SLOT_COUNT) {
            throw new IllegalArgumentException("slot " + slot + " is not 1.." + SLOT_COUNT);
        }
        return slot;
    }
}
