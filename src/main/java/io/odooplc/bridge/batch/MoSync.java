package io.odooplc.bridge.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.odooplc.bridge.odoo.MoFetcher;
import io.odooplc.bridge.ops.TaskCounts;
import io.odooplc.bridge.plc.Recipe;
import io.odooplc.bridge.plcio.RecipeRejectedException;
import io.odooplc.bridge.plcio.RecipeWriter;
import io.odooplc.bridge.plcio.WriteAreaState;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of task 1 (MO sync) that its route calls in order: is the PLC queue free; which batches go to the PLC
 * (staged ones left by a failed run first, plant-contract #15, else new MOs from Odoo); does the PLC already hold them (a
 * crash after the write); the recipes; and WRITTEN for all of them in one transaction once the PLC has them.
 */
public class MoSync {

    /** Exchange property holding the batches this run sends to the PLC. */
    public static final String STAGED = "bridgeStaged";
    /** Exchange property holding the slot moves of {@link #renumbered}. */
    public static final String SLOT_MOVES = "bridgeSlotMoves";

    private static final Logger LOG = LoggerFactory.getLogger(MoSync.class);

    private final BatchStaging staging;
    private final MoFetcher fetcher;
    private final RecipeWriter recipes;
    private final int batchLimit;

    public MoSync(BatchStaging staging, MoFetcher fetcher, RecipeWriter recipes, int batchLimit) {
        this.staging = staging;
        this.fetcher = fetcher;
        this.recipes = recipes;
        this.batchLimit = batchLimit;
    }

    public BatchStaging.Queue queue(Exchange exchange) {
        BatchStaging.Queue queue = staging.queue();
        TaskCounts.put(exchange, "on_plc", queue.onPlc());
        if (queue.busy()) {
            LOG.debug("{} batch(es) still on the PLC: waiting for them to complete before fetching MOs",
                    queue.onPlc());
        }
        return queue;
    }

    /**
     * The queue with its staged batches in slots 1..n, in their order: requeued batches (plant-contract #33) keep the
     * slot they had among others, and the PLC starts from slot 1. The moves the route makes are left in
     * {@link #SLOT_MOVES}, in ascending order, so no move lands on a slot another staged batch still holds.
     */
    public BatchStaging.Queue renumbered(BatchStaging.Queue queue, Exchange exchange) {
        List<BatchStaging.StagedBatch> staged = new ArrayList<>();
        List<Map<String, Object>> moves = new ArrayList<>();
        for (BatchStaging.StagedBatch b : queue.staged()) {
            int slot = staged.size() + 1;
            if (b.slot() != slot) {
                LOG.info("staged MO {} moves from slot {} to slot {}: recipes go to WRITE slots 1..n",
                        b.plan().moName(), b.slot(), slot);
                moves.add(Map.of("id", b.id(), "from", b.slot(), "slot", slot));
            }
            staged.add(new BatchStaging.StagedBatch(b.id(), slot, b.plan()));
        }
        exchange.setProperty(SLOT_MOVES, moves);
        return new BatchStaging.Queue(staged, queue.onPlc());
    }

    /** After a slot move: a batch that is no longer STAGED in its slot fails the run, nothing is written. */
    public void moved(@Body Map<String, Object> move, @Header(SqlConstants.SQL_UPDATE_COUNT) int updated) {
        if (updated == 0) {
            throw new IllegalStateException("batch " + move.get("id") + " is no longer STAGED in slot "
                    + move.get("from") + ": nothing written");
        }
    }

    /** The staged batches a failed run left, else the next MOs from Odoo, staged now into slots 1..n. */
    public List<BatchStaging.StagedBatch> batchesToWrite(BatchStaging.Queue queue, Exchange exchange) {
        List<BatchStaging.StagedBatch> staged = queue.staged();
        if (!staged.isEmpty()) {
            LOG.info("retrying {} staged batch(es) before fetching new MOs: {}", staged.size(), names(staged));
            TaskCounts.put(exchange, "retried", staged.size());
        } else {
            MoFetcher.Fetched fetched = fetcher.fetch(batchLimit);
            List<PlannedBatch> writable = writable(fetched.batches());
            TaskCounts.put(exchange, "listed", fetched.listed());
            TaskCounts.put(exchange, "held", fetched.held());
            TaskCounts.put(exchange, "skipped", fetched.notConfirmed() + fetched.invalid()
                    + fetched.batches().size() - writable.size());
            staged = writable.isEmpty() ? List.of() : staging.stage(writable);
            if (staged.isEmpty()) {
                LOG.info("no new confirmed MOs in Odoo");
            } else {
                staged.forEach(b -> LOG.info("MO {} staged into slot {}: {} kg of {}, {} components on the PLC{}",
                        b.plan().moName(), b.slot(), b.plan().targetKg().stripTrailingZeros().toPlainString(),
                        b.plan().productName(), b.plan().components().size(), leftOut(b.plan())));
            }
        }
        TaskCounts.put(exchange, "staged", staged.size());
        exchange.setProperty(STAGED, staged);
        return staged;
    }

    /**
     * Each MO once (an MO Odoo listed twice is logged once); MOs whose recipe the PLC cannot take (text it cannot
     * hold) are left in Odoo, with the reason in the log.
     */
    private List<PlannedBatch> writable(List<PlannedBatch> plans) {
        DistinctMos distinct = DistinctMos.of(plans);
        distinct.duplicates().forEach(mo -> LOG.warn("Odoo listed MO {} more than once: staged once", mo));
        List<PlannedBatch> out = new ArrayList<>();
        for (PlannedBatch plan : distinct.plans()) {
            try {
                recipes.encode(recipe(out.size() + 1, plan));
                out.add(plan);
            } catch (RecipeRejectedException e) {
                LOG.warn("MO {} not staged: {}", plan.moName(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * True when the WRITE slots already hold exactly these batches: the PLC got them in a run that died before its
     * commit. Writing them again would make the plant produce them twice (or wait forever for the handshake).
     */
    public boolean alreadyOnPlc(WriteAreaState area, @ExchangeProperty(STAGED) List<BatchStaging.StagedBatch> staged) {
        boolean held = area.holdsExactly(names(staged));
        if (held) {
            LOG.warn("the PLC already holds {} (D7076 = {}): marking them WRITTEN without writing again",
                    names(staged), area.recipesTaken() ? 1 : 0);
        }
        return held;
    }

    public List<Recipe> recipes(@ExchangeProperty(STAGED) List<BatchStaging.StagedBatch> staged) {
        return staged.stream().map(b -> recipe(b.slot(), b.plan())).toList();
    }

    public void markWritten(@ExchangeProperty(STAGED) List<BatchStaging.StagedBatch> staged, Exchange exchange) {
        staging.markWritten(staged, "recipe in PLC WRITE slot");
        TaskCounts.put(exchange, "written", staged.size());
        LOG.info("{} batch(es) WRITTEN to the PLC: {}", staged.size(), names(staged));
    }

    static Recipe recipe(int slot, PlannedBatch plan) {
        Map<Integer, java.math.BigDecimal> planned = new LinkedHashMap<>();
        plan.components().forEach(c -> planned.put(c.equipmentId(), c.plannedKg()));
        return new Recipe(slot, plan.moName(), plan.productName(), plan.targetKg(), planned);
    }

    private static List<String> names(List<BatchStaging.StagedBatch> staged) {
        return staged.stream().map(b -> b.plan().moName()).toList();
    }

    private static String leftOut(PlannedBatch plan) {
        return plan.leftOut().isEmpty() ? "" : " (not on the PLC: " + String.join(", ", plan.leftOut()) + ")";
    }
}
