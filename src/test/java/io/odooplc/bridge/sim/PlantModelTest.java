package io.odooplc.bridge.sim;

import static io.odooplc.bridge.sim.LegacySlot.ascii;
import static io.odooplc.bridge.sim.LegacySlot.kgTimes100;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlantModelTest {

    private static final Duration BATCH = Duration.ofSeconds(2);
    private static final Duration HALF_BATCH = Duration.ofSeconds(1);
    private static final Map<Integer, Double> PLAN = Map.of(101, 150.0, 102, 300.0, 110, 107.4, 114, 20.5);

    private final WordImage image = new WordImage();
    private PlantModel plant = new PlantModel(image, new PlantSettings(BATCH, Duration.ZERO, 0, 1));

    @Test
    void cleanInitialStateStaysIdle() {
        plant.tick(Duration.ofSeconds(10));

        assertThat(image.get(7076)).isZero();
        assertThat(image.read(6000, 125)).containsOnly(0);
        assertThat(plant.runningSlot()).isEmpty();
    }

    @Test
    void showsRaisedFailuresAsItTicks() {
        plant.failures().raise("silo101", "START_FAILURE", LocalDateTime.of(2026, 2, 23, 20, 22, 35));
        assertThat(image.get(8016)).isZero();

        plant.tick(Duration.ZERO);

        assertThat(image.read(8016, 6)).containsExactly(0x2026, 0x02, 0x23, 0x20, 0x22, 0x35);
        assertThat(plant.failures().waiting()).isZero();
    }

    @Test
    void takesRecipesOnlyOnceTheBridgeHasWrittenD7076Zero() {
        image.set(7076, 1);
        image.write(7000, Arrays.copyOf(recipe(1, "WH/MO/00011"), 76));
        plant.tick(Duration.ofSeconds(5));

        assertThat(image.get(7076)).isEqualTo(1);
        assertThat(image.read(6000, 77)).containsOnly(0);
        assertThat(plant.runningSlot()).isEmpty();

        image.set(7076, 0);
        plant.tick(Duration.ZERO);

        assertThat(image.get(7076)).as("D7076 = 1: taken").isEqualTo(1);
        assertThat(plant.runningSlot()).hasValue(1);
        assertThat(image.get(6000)).isEqualTo(1);
    }

    @Test
    void fillsTheReadSlotAtTheLegacyAddresses() {
        writeRecipes(1);
        plant.tick(Duration.ZERO);

        assertThat(image.get(6000)).as("BATCH").isEqualTo(1);
        assertThat(image.read(6001, 8)).as("NO-MO WH/MO/00011")
                .containsExactly(22344, 12109, 20271, 12336, 12337, 12544, 0, 0);
        assertThat(image.read(6009, 8)).as("NO-BoM").containsExactly(ascii("[10092] JF SAPOT"));
        assertThat(image.read(6017, 8)).as("finished_goods").containsExactly(ascii("[10092] JF SAPOT"));
        assertThat(image.read(6025, 2)).as("Quantity 1000.0").containsExactly(1, 34464);
        assertThat(image.get(6027)).as("SILO ID 101").isEqualTo(101);
        assertThat(image.get(6054)).as("SILO ID 110").isEqualTo(110);
        assertThat(image.get(6063)).as("SILO ID 113").isEqualTo(113);
        assertThat(image.get(6066)).as("LQ ID 114").isEqualTo(114);
        assertThat(image.get(6069)).as("LQ ID 115").isEqualTo(115);
        assertThat(image.read(6072, 5)).as("statuses, weight, status_read_data").containsOnly(0);
    }

    @Test
    void actualsGrowTowardThePlanWhileRunning() {
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(HALF_BATCH);

        assertThat(consumptionKg(1, 101)).isEqualTo(75);
        assertThat(consumptionKg(1, 102)).isEqualTo(150);
        assertThat(image.get(6072)).as("status manufaturing").isZero();
        assertThat(image.get(6073)).as("Status Operation").isZero();
        assertThat(image.read(6074, 2)).as("weight_finished_good").containsExactly(0, 0);
    }

    @Test
    void finishesWithWholeKgActualsTheirSumAsWeightAndTheAckLeftToTheBridge() {
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);

        assertThat(consumptionKg(1, 101)).isEqualTo(150);
        assertThat(consumptionKg(1, 102)).isEqualTo(300);
        assertThat(consumptionKg(1, 110)).as("107.4 truncated").isEqualTo(107);
        assertThat(consumptionKg(1, 114)).as("LQ at +67").isEqualTo(20);
        assertThat(consumptionKg(1, 115)).isZero();
        assertThat(image.get(6072)).as("status manufaturing").isEqualTo(1);
        assertThat(image.get(6073)).as("Status Operation").isZero();
        assertThat(kgTimes100(image.read(6074, 2), 0)).as("weight = 150+300+107+20 kg").isEqualTo(57700);
        assertThat(image.get(6076)).as("status_read_data").isZero();
        assertThat(plant.finishedBatches()).isEqualTo(1);
        assertThat(plant.runningSlot()).isEmpty();
    }

    @Test
    void noiseKeepsActualsWholeKgWithinOneKgOfTheTruncatedPlan() {
        plant = new PlantModel(image, new PlantSettings(BATCH, Duration.ZERO, 1, 7));
        Map<Integer, Double> plan = Map.of(101, 96.1, 102, 262.7, 103, 352.0, 105, 10.0, 115, 50.0);
        image.write(7000, LegacySlot.recipe(1, "WH/MO/00011", "JF PLUS KUR", 1000, plan));
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);

        for (Map.Entry<Integer, Double> planned : plan.entrySet()) {
            long raw = kgTimes100(image.read(6000 + 28 + 3 * (planned.getKey() - 101), 2), 0);
            long truncated = (long) Math.floor(planned.getValue());
            assertThat(raw % 100).as("whole kg on %d", planned.getKey()).isZero();
            assertThat(raw / 100).as("silo %d", planned.getKey()).isBetween(truncated - 1, truncated + 1);
        }
        assertThat(consumptionKg(1, 104)).as("nothing planned, nothing dosed").isZero();
    }

    @Test
    void runsTheBatchesOneAfterAnother() {
        writeRecipes(1, 2);
        plant.tick(Duration.ZERO);

        assertThat(plant.runningSlot()).hasValue(1);
        assertThat(plant.queuedBatches()).isEqualTo(1);
        assertThat(image.read(6100, 77)).as("READ slot 2 waits").containsOnly(0);
        assertThat(image.get(7176)).as("WRITE slot 2 taken").isEqualTo(1);

        plant.tick(BATCH);

        assertThat(image.get(6072)).isEqualTo(1);
        assertThat(plant.runningSlot()).hasValue(2);
        assertThat(image.get(6100)).isEqualTo(2);
        assertThat(image.read(6101, 8)).containsExactly(ascii("WH/MO/00012"));
        assertThat(image.get(6172)).isZero();

        plant.tick(BATCH);

        assertThat(image.get(6172)).isEqualTo(1);
        assertThat(plant.finishedBatches()).isEqualTo(2);
    }

    @Test
    void keepsTheBridgeAckAndClearsItOnlyWhenANewRoundReusesTheSlot() {
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);
        image.set(6076, 1);
        plant.tick(Duration.ofSeconds(10));

        assertThat(image.get(6076)).as("ack kept").isEqualTo(1);

        image.write(7000, recipe(1, "WH/MO/00021"));
        plant.tick(Duration.ZERO);

        assertThat(image.get(6076)).as("slot reused: ack cleared").isZero();
        assertThat(image.get(6072)).isZero();
        assertThat(image.read(6001, 8)).containsExactly(ascii("WH/MO/00021"));
        assertThat(image.get(7076)).isEqualTo(1);
    }

    @Test
    void clearsEveryReadSlotOfANewRoundWhenTakingIt() {
        writeRecipes(1, 2);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH.multipliedBy(2));
        image.set(6076, 1);
        image.set(6176, 1);
        image.write(7000, recipe(1, "WH/MO/00021"));
        image.write(7100, recipe(2, "WH/MO/00022"));
        plant.tick(Duration.ZERO);

        assertThat(plant.runningSlot()).hasValue(1);
        assertThat(image.read(6100, 77)).as("READ slot 2 waits for its new batch").containsOnly(0);
    }

    @Test
    void doesNotRunAgainAWriteSlotTheBridgeLeftFromAnEarlierRound() {
        writeRecipes(1, 2);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH.multipliedBy(2));
        image.write(7000, recipe(1, "WH/MO/00021"));
        plant.tick(Duration.ZERO);

        assertThat(plant.queuedBatches()).isZero();
        plant.tick(BATCH.multipliedBy(2));

        assertThat(plant.finishedBatches()).isEqualTo(3);
        assertThat(image.read(6101, 8)).as("READ slot 2 untouched").containsExactly(ascii("WH/MO/00012"));
    }

    @Test
    void waitsForTheWriteAreaToSettleBeforeTakingRecipes() {
        plant = new PlantModel(image, new PlantSettings(BATCH, Duration.ofMillis(300), 0, 1));
        image.write(7000, recipe(1, "WH/MO/00011"));
        plant.tick(Duration.ofMillis(200));
        plant.tick(Duration.ofMillis(200));

        image.write(7100, recipe(2, "WH/MO/00012"));
        plant.tick(Duration.ofMillis(200));

        assertThat(image.get(7076)).as("bridge still writing").isZero();

        plant.tick(Duration.ofMillis(300));

        assertThat(image.get(7076)).isEqualTo(1);
        assertThat(plant.runningSlot()).hasValue(1);
        assertThat(plant.queuedBatches()).isEqualTo(1);
    }

    @Test
    void failingBatchStopsHalfWayWithStatusOperationOneAndTheNextBatchRuns() {
        plant.failBatch(1);
        writeRecipes(1, 2);
        plant.tick(Duration.ZERO);
        plant.tick(HALF_BATCH);

        assertThat(image.get(6073)).as("Status Operation").isEqualTo(1);
        assertThat(image.get(6072)).as("status manufaturing").isZero();
        assertThat(consumptionKg(1, 101)).isEqualTo(75);
        assertThat(plant.failedBatches()).isEqualTo(1);
        assertThat(plant.runningSlot()).hasValue(2);

        plant.tick(BATCH);

        assertThat(image.get(6172)).isEqualTo(1);
        assertThat(image.get(6173)).isZero();
    }

    @Test
    void failBatchAlsoHitsTheBatchRunningInThatSlot() {
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(Duration.ofMillis(1500));
        plant.failBatch(1);
        plant.tick(Duration.ofMillis(100));

        assertThat(image.get(6073)).isEqualTo(1);
        assertThat(image.get(6072)).isZero();
    }

    @Test
    void garbledSlotHoldsTheLegacyGarbageWords() {
        plant.garbleReadSlot(3);

        assertThat(image.read(6200, 4)).containsExactly(45056, 176, 5328, 45076);
        assertThat(kgTimes100(image.read(6225, 2), 0)).as("quantity 8,084,755.22 kg").isEqualTo(808475522L);
        assertThat(kgTimes100(image.read(6228, 2), 0)).as("silo 101 2479.38 kg").isEqualTo(247938);
        assertThat(image.read(6255, 2)).as("silo 110 ID bled in").containsExactly(110, 0);
        assertThat(Arrays.stream(image.read(6201, 16))).as("0x82 bytes in the text")
                .anyMatch(word -> word >> 8 == 0x82);
        assertThat(image.get(6272)).as("claims finished").isEqualTo(1);
        assertThat(image.read(6100, 77)).as("neighbours untouched").containsOnly(0);
    }

    @Test
    void reportsADifferentMoNameInTheReadSlot() {
        plant.reportMoName(1, "WH/MO/99999");
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);

        assertThat(image.read(6001, 8)).containsExactly(ascii("WH/MO/99999"));
        assertThat(image.get(6072)).isEqualTo(1);
    }

    @Test
    void reportsConsumptionAboveTheLegacyRangeLimit() {
        plant.reportExcessConsumption(1);
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);

        assertThat(consumptionKg(1, 101)).isGreaterThan(5000);
        assertThat(consumptionKg(1, 102)).isEqualTo(300);
    }

    @Test
    void clearFaultsSwitchesOffFaultsNotYetActed() {
        plant.failBatch(1);
        plant.reportExcessConsumption(1);
        plant.reportMoName(1, "WH/MO/99999");
        plant.clearFaults();
        writeRecipes(1);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);

        assertThat(image.get(6073)).isZero();
        assertThat(consumptionKg(1, 101)).isEqualTo(150);
        assertThat(image.read(6001, 8)).containsExactly(ascii("WH/MO/00011"));
    }

    @Test
    void saturatesFieldsInsteadOfStoppingOnANonsenseRecipe() {
        int[] nonsense = recipe(1, "WH/MO/00011");
        for (int equipment = 101; equipment <= 115; equipment++) {
            int offset = 28 + 3 * (equipment - 101);
            nonsense[offset] = 0xFFFF;
            nonsense[offset + 1] = 0xFFFF;
        }
        image.write(7000, nonsense);
        plant.tick(Duration.ZERO);
        plant.tick(BATCH);

        assertThat(image.get(6072)).isEqualTo(1);
        assertThat(image.read(6074, 2)).containsExactly(0xFFFF, 0xFFFF);
    }

    private void writeRecipes(int... slots) {
        for (int slot : slots) {
            image.write(7000 + 100 * (slot - 1), recipe(slot, "WH/MO/000" + (10 + slot)));
        }
    }

    private static int[] recipe(int slot, String mo) {
        return LegacySlot.recipe(slot, mo, "[10092] JF SAPOT 1B", 1000.0, PLAN);
    }

    private long consumptionKg(int slot, int equipment) {
        int address = 6000 + 100 * (slot - 1) + 28 + 3 * (equipment - 101);
        return kgTimes100(image.read(address, 2), 0) / 100;
    }
}
