package io.odooplc.bridge.sim;

import static io.odooplc.bridge.sim.SlotLayout.EQUIPMENT_COUNT;
import static io.odooplc.bridge.sim.SlotLayout.FIRST_EQUIPMENT;
import static io.odooplc.bridge.sim.SlotLayout.NO_MO;
import static io.odooplc.bridge.sim.SlotLayout.SLOT_COUNT;
import static io.odooplc.bridge.sim.SlotLayout.SLOT_STRIDE;
import static io.odooplc.bridge.sim.SlotLayout.SLOT_WORDS;
import static io.odooplc.bridge.sim.SlotLayout.STATUS_MANUFACTURING;
import static io.odooplc.bridge.sim.SlotLayout.STATUS_READ_DATA;
import static io.odooplc.bridge.sim.SlotLayout.TEXT_WORDS;
import static io.odooplc.bridge.sim.SlotLayout.WRITE_AREA;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed-mill PLC program as far as the bridge can see it: the legacy handshake of plant-contract §4.6 over a
 * {@link WordImage}.
 *
 * <p>Round: once D7076 = 0, WRITE slot 1 holds an MO name and the WRITE area has been quiet for the settle time,
 * the plant takes every WRITE slot that has an MO name and a status_read_data of 0, sets that flag to 1 (D7076 first
 * of all: "taken"), clears the READ slots it will reuse, then runs the batches one after another in slot order.
 * Marking each taken slot, not only D7076, keeps slots the bridge did not rewrite this round from running again.
 * A batch fills READ slot k and ends with "status manufaturing" = 1; the bridge acknowledges by writing 1 to
 * that slot's status_read_data, which the plant never touches until it reuses the slot.
 *
 * <p>Equipment failures raised on {@link #failures()} appear in the failure area (D8000-D8022) on the next tick, the
 * next one only once the bridge has acknowledged the shown one.
 *
 * <p>Time only moves in {@link #tick}: tests call it with chosen durations, {@link #start} calls it from a thread.
 */
public final class PlantModel {

    private static final Logger LOG = LoggerFactory.getLogger(PlantModel.class);

    /** A consumption the legacy range guard rejects (silo/LQ limit 5000 kg). */
    static final long EXCESS_CONSUMPTION_KG = 7500;
    private static final int WRITE_AREA_WORDS = SLOT_COUNT * SLOT_STRIDE;

    private final WordImage image;
    private final PlantSettings settings;
    private final Random noise;
    private final Queue<Recipe> queue = new ArrayDeque<>();
    private final Set<Integer> failingSlots = new HashSet<>();
    private final Set<Integer> excessSlots = new HashSet<>();
    private final Map<Integer, String> reportedMoNames = new HashMap<>();
    private final FailureFeed failures;

    private Duration clock = Duration.ZERO;
    private Duration quietSince = Duration.ZERO;
    private int[] lastWriteArea;
    private BatchRun current;
    private long finishedBatches;
    private long failedBatches;
    private ScheduledExecutorService ticker;
    private long lastTickNanos;

    public PlantModel(WordImage image, PlantSettings settings) {
        this.image = image;
        this.settings = settings;
        this.noise = new Random(settings.seed());
        this.failures = new FailureFeed(image);
    }

    /** Lets {@code elapsed} of plant time pass: take waiting recipes, run batches on, finish them. */
    public synchronized void tick(Duration elapsed) {
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("plant time cannot go back: " + elapsed);
        }
        clock = clock.plus(elapsed);
        failures.tick();
        Duration left = elapsed;
        if (isIdle() && recipesWaiting()) {
            takeRecipes();
            left = Duration.ZERO;
        }
        while (current != null || !queue.isEmpty()) {
            if (current == null) {
                beginNextBatch();
            }
            left = current.advance(image, left);
            if (!current.isOver()) {
                return;
            }
            endBatch();
        }
    }

    /** Ticks from a thread every {@code period}, with the real time elapsed between ticks. */
    public synchronized void start(Duration period) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plc-sim-plant");
            thread.setDaemon(true);
            return thread;
        });
        lastTickNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(this::tickByClock, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the ticking thread; the plant keeps its state and can be started again. */
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = ticker;
            ticker = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The equipment-failure area: failures raised here are shown one at a time as the plant ticks. */
    public FailureFeed failures() {
        return failures;
    }

    /** The slot whose batch is running now, if any. */
    public synchronized OptionalInt runningSlot() {
        return current == null ? OptionalInt.empty() : OptionalInt.of(current.recipe().slot());
    }

    /** Batches taken but not started yet. */
    public synchronized int queuedBatches() {
        return queue.size();
    }

    public synchronized long finishedBatches() {
        return finishedBatches;
    }

    public synchronized long failedBatches() {
        return failedBatches;
    }

    /** Fault: the next batch in {@code slot} (or the one running there) stops half-way with Status Operation = 1. */
    public synchronized void failBatch(int slot) {
        SlotLayout.checkSlot(slot);
        if (runningIn(slot)) {
            current.failAt(settings.batchDuration().dividedBy(2));
        } else {
            failingSlots.add(slot);
        }
    }

    /**
     * Fault: overwrites READ slot {@code slot} now with the garbage words the legacy middleware once read (see
     * {@link GarbledSlot}). If that slot's batch is running it goes on writing its actuals, so the slot stays torn.
     */
    public synchronized void garbleReadSlot(int slot) {
        image.write(SlotLayout.readSlotBase(slot), GarbledSlot.words());
        LOG.info("Fault: READ slot {} garbled", slot);
    }

    /** Fault: READ slot {@code slot} shows {@code moName} instead of its recipe's MO, until {@link #clearFaults}. */
    public synchronized void reportMoName(int slot, String moName) {
        SlotLayout.checkSlot(slot);
        reportedMoNames.put(slot, moName);
        int nameAddress = SlotLayout.readSlotBase(slot) + NO_MO;
        if (!LegacyWords.isBlank(image.read(nameAddress, TEXT_WORDS), 0, TEXT_WORDS)) {
            image.write(nameAddress, LegacyWords.ascii(moName, TEXT_WORDS));
        }
    }

    /** Fault: the next batch in {@code slot} (or the one running there) consumes 7500 kg from silo 101. */
    public synchronized void reportExcessConsumption(int slot) {
        SlotLayout.checkSlot(slot);
        if (runningIn(slot)) {
            current.raiseFinalKg(FIRST_EQUIPMENT, EXCESS_CONSUMPTION_KG);
        } else {
            excessSlots.add(slot);
        }
    }

    /** Switches off the faults that have not acted yet; words already written stay as they are. */
    public synchronized void clearFaults() {
        failingSlots.clear();
        excessSlots.clear();
        reportedMoNames.clear();
    }

    private boolean isIdle() {
        return current == null && queue.isEmpty();
    }

    private boolean runningIn(int slot) {
        return current != null && current.recipe().slot() == slot;
    }

    /** D7076 = 0 with an MO in slot 1, and the bridge has stopped writing for the settle time. */
    private boolean recipesWaiting() {
        int[] writeArea = image.read(WRITE_AREA, WRITE_AREA_WORDS);
        if (!Arrays.equals(writeArea, lastWriteArea)) {
            lastWriteArea = writeArea;
            quietSince = clock;
        }
        return writeArea[STATUS_READ_DATA] == 0
                && !LegacyWords.isBlank(writeArea, NO_MO, TEXT_WORDS)
                && clock.minus(quietSince).compareTo(settings.settleTime()) >= 0;
    }

    private void takeRecipes() {
        for (int slot = 1; slot <= SLOT_COUNT; slot++) {
            int offset = (slot - 1) * SLOT_STRIDE;
            boolean alreadyTaken = lastWriteArea[offset + STATUS_READ_DATA] != 0;
            if (alreadyTaken || LegacyWords.isBlank(lastWriteArea, offset + NO_MO, TEXT_WORDS)) {
                continue;
            }
            Recipe recipe = new Recipe(slot, Arrays.copyOfRange(lastWriteArea, offset, offset + SLOT_WORDS));
            image.set(SlotLayout.writeSlotBase(slot) + STATUS_READ_DATA, 1);
            clearReadSlot(slot);
            queue.add(recipe);
            LOG.info("Took recipe {} from WRITE slot {}", recipe.moName(), slot);
        }
    }

    private void clearReadSlot(int slot) {
        int base = SlotLayout.readSlotBase(slot);
        int[] previous = image.read(base, SLOT_WORDS);
        if (previous[STATUS_MANUFACTURING] == 1 && previous[STATUS_READ_DATA] == 0) {
            LOG.warn("Reusing READ slot {} whose finished batch {} was never acknowledged", slot,
                    LegacyWords.text(previous, NO_MO, TEXT_WORDS));
        }
        image.clear(base, SLOT_WORDS);
    }

    private void beginNextBatch() {
        Recipe recipe = queue.remove();
        int slot = recipe.slot();
        current = new BatchRun(recipe, finalActuals(recipe), settings.batchDuration());
        if (failingSlots.remove(slot)) {
            current.failAt(settings.batchDuration().dividedBy(2));
        }
        if (excessSlots.remove(slot)) {
            current.raiseFinalKg(FIRST_EQUIPMENT, EXCESS_CONSUMPTION_KG);
        }
        current.begin(image, reportedMoNames.get(slot));
        LOG.info("Batch {} started in READ slot {}", recipe.moName(), slot);
    }

    private void endBatch() {
        Recipe recipe = current.recipe();
        if (current.failed()) {
            failedBatches++;
            LOG.info("Batch {} in READ slot {} failed (Status Operation = 1)", recipe.moName(), recipe.slot());
        } else {
            finishedBatches++;
            LOG.info("Batch {} in READ slot {} finished", recipe.moName(), recipe.slot());
        }
        current = null;
    }

    /** The PLC doses whole kg: planned kg truncated, then a little over or under, never below zero. */
    private long[] finalActuals(Recipe recipe) {
        long[] kg = new long[EQUIPMENT_COUNT];
        for (int i = 0; i < EQUIPMENT_COUNT; i++) {
            long plannedKg = recipe.plannedRaw(FIRST_EQUIPMENT + i) / LegacyWords.SCALE;
            if (plannedKg > 0) {
                int deviation = noise.nextInt(2 * settings.noiseKg() + 1) - settings.noiseKg();
                kg[i] = Math.max(0, plannedKg + deviation);
            }
        }
        return kg;
    }

    private void tickByClock() {
        long now = System.nanoTime();
        try {
            tick(Duration.ofNanos(now - lastTickNanos));
        } catch (RuntimeException e) {
            LOG.error("Plant tick failed; the plant keeps ticking", e);
        }
        lastTickNanos = now;
    }
}
