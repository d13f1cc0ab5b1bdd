package io.odooplc.bridge.sim;

import java.time.Duration;

/**
 * How the simulated plant behaves.
 *
 * @param batchDuration how long one batch runs, from taking its slot to "status manufaturing" = 1
 * @param settleTime    how long the WRITE area must stay unchanged with D7076 = 0 before the plant takes the recipes;
 *                      guards against taking a round the bridge is still writing field by field
 * @param noiseKg       actuals are the planned kg truncated, plus or minus up to this many whole kg
 * @param seed          seed of the noise, so a run can be repeated
 */
public record PlantSettings(Duration batchDuration, Duration settleTime, int noiseKg, long seed) {

    public PlantSettings {
        if (batchDuration.isNegative() || batchDuration.isZero()) {
            throw new IllegalArgumentException("batch duration must be positive: " + batchDuration);
        }
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("settle time must not be negative: " + settleTime);
        }
        if (noiseKg < 0) {
            throw new IllegalArgumentException("noise must not be negative: " + noiseKg + " kg");
        }
    }

    /** Settings for a demo: batches of the given length, 300 ms settle, ±1 kg noise. */
    public static PlantSettings forBatchDuration(Duration batchDuration) {
        return new PlantSettings(batchDuration, Duration.ofMillis(300), 1, 20260304L);
    }
}
