package io.odooplc.bridge.sim;

import static io.odooplc.bridge.sim.SlotLayout.EQUIPMENT_COUNT;
import static io.odooplc.bridge.sim.SlotLayout.FIRST_EQUIPMENT;
import static io.odooplc.bridge.sim.SlotLayout.LAST_EQUIPMENT;

import java.time.Duration;

/**
 * One batch being produced into its READ slot: actuals grow from 0 to their final whole-kg values over the batch
 * duration, then "status manufaturing" becomes 1. A failing batch stops part-way with "Status Operation" = 1.
 */
final class BatchRun {

    /** The words +27..+75: equipment IDs and consumptions, both statuses, weight; never status_read_data (+76). */
    private static final int PROCESS_BLOCK = SlotLayout.equipmentIdOffset(FIRST_EQUIPMENT);
    private static final int PROCESS_BLOCK_WORDS = SlotLayout.STATUS_READ_DATA - PROCESS_BLOCK;
    /** A 2-word field saturates instead of stopping the plant when a nonsense recipe plans more than it holds. */
    private static final long MAX_SCALED32 = 0xFFFF_FFFFL;

    private final Recipe recipe;
    private final long[] finalKg;
    private final Duration duration;
    private final int base;
    private Duration elapsed = Duration.ZERO;
    private Duration failAt;
    private boolean over;
    private boolean failed;

    /**
     * @param finalKg whole-kg actual per equipment 101..115 at the end of the batch
     */
    BatchRun(Recipe recipe, long[] finalKg, Duration duration) {
        if (finalKg.length != EQUIPMENT_COUNT) {
            throw new IllegalArgumentException("need " + EQUIPMENT_COUNT + " actuals, got " + finalKg.length);
        }
        this.recipe = recipe;
        this.finalKg = finalKg.clone();
        this.duration = duration;
        this.base = SlotLayout.readSlotBase(recipe.slot());
    }

    Recipe recipe() {
        return recipe;
    }

    boolean isOver() {
        return over;
    }

    boolean failed() {
        return failed;
    }

    /** Makes the batch fail once it has run {@code at}, or at the next advance if it already has. */
    void failAt(Duration at) {
        failAt = at;
    }

    void raiseFinalKg(int equipment, long kg) {
        finalKg[equipment - FIRST_EQUIPMENT] = kg;
    }

    /** Fills the READ slot for a batch that is starting: recipe header, IDs, zero actuals, statuses 0. */
    void begin(WordImage image, String reportedMoName) {
        int[] slot = new int[SlotLayout.SLOT_WORDS];
        slot[SlotLayout.BATCH] = recipe.slot();
        int[] moName = reportedMoName == null
                ? recipe.words(SlotLayout.NO_MO, SlotLayout.TEXT_WORDS)
                : LegacyWords.ascii(reportedMoName, SlotLayout.TEXT_WORDS);
        System.arraycopy(moName, 0, slot, SlotLayout.NO_MO, SlotLayout.TEXT_WORDS);
        int headerEnd = SlotLayout.QUANTITY + 2;
        System.arraycopy(recipe.words(SlotLayout.NO_BOM, headerEnd - SlotLayout.NO_BOM), 0,
                slot, SlotLayout.NO_BOM, headerEnd - SlotLayout.NO_BOM);
        System.arraycopy(processBlock(0, 0, 0), 0, slot, PROCESS_BLOCK, PROCESS_BLOCK_WORDS);
        image.write(base, slot);
    }

    /** Runs the batch on by {@code time}; returns the part of it left over after the batch ended. */
    Duration advance(WordImage image, Duration time) {
        Duration target = elapsed.plus(time);
        Duration end = failAt != null && failAt.compareTo(duration) < 0 ? failAt : duration;
        if (end.compareTo(elapsed) < 0) {
            end = elapsed;
        }
        if (target.compareTo(end) < 0) {
            elapsed = target;
            image.write(base + PROCESS_BLOCK, processBlock(0, 0, 0));
            return Duration.ZERO;
        }
        Duration leftOver = target.minus(end);
        elapsed = end;
        over = true;
        failed = end.compareTo(duration) < 0;
        long weightRaw = failed ? 0 : totalKg() * LegacyWords.SCALE;
        image.write(base + PROCESS_BLOCK, processBlock(failed ? 0 : 1, failed ? 1 : 0, weightRaw));
        return leftOver;
    }

    private int[] processBlock(int statusManufacturing, int statusOperation, long weightRaw) {
        int[] block = new int[PROCESS_BLOCK_WORDS];
        for (int equipment = FIRST_EQUIPMENT; equipment <= LAST_EQUIPMENT; equipment++) {
            block[SlotLayout.equipmentIdOffset(equipment) - PROCESS_BLOCK] = equipment;
            int[] consumption = LegacyWords.scaled32(Math.min(MAX_SCALED32, actualKg(equipment) * LegacyWords.SCALE));
            System.arraycopy(consumption, 0, block, SlotLayout.consumptionOffset(equipment) - PROCESS_BLOCK, 2);
        }
        block[SlotLayout.STATUS_MANUFACTURING - PROCESS_BLOCK] = statusManufacturing;
        block[SlotLayout.STATUS_OPERATION - PROCESS_BLOCK] = statusOperation;
        System.arraycopy(LegacyWords.scaled32(Math.min(MAX_SCALED32, weightRaw)), 0,
                block, SlotLayout.WEIGHT_FINISHED_GOOD - PROCESS_BLOCK, 2);
        return block;
    }

    /** Whole kg so far: the PLC weighs in whole kg, so a partial actual is the final one scaled down and truncated. */
    private long actualKg(int equipment) {
        long kg = finalKg[equipment - FIRST_EQUIPMENT];
        return kg * elapsed.toNanos() / duration.toNanos();
    }

    private long totalKg() {
        long total = 0;
        for (int equipment = FIRST_EQUIPMENT; equipment <= LAST_EQUIPMENT; equipment++) {
            total += actualKg(equipment);
        }
        return total;
    }
}
