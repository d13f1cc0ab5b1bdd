package io.odooplc.bridge.batch;

import java.sql.SQLException;
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
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
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

    private static final Logger LOG = LoggerFactory.getLogger(MoSync.class);
    private static final String TASK = "[task1-mo-sync] ";

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

    public BatchStaging.Queue queue(Exchange exchange) throws SQLException {
        BatchStaging.Queue queue = staging.queue();
        TaskCounts.put(exchange, "on_plc", queue.onPlc());
        if (queue.busy()) {
            LOG.debug(TASK + "{} batch(es) still on the PLC: waiting for them to complete before fetching MOs",
                    queue.onPlc());
        }
        return queue;
    }

    /** The staged batches a failed run left, else the next MOs from Odoo, staged now into slots 1..n. */
    public List<BatchStaging.StagedBatch> batchesToWrite(BatchStaging.Queue queue, Exchange exchange)
            throws SQLException {
        List<BatchStaging.StagedBatch> staged = queue.staged();
        if (!staged.isEmpty()) {
            LOG.info(TASK + "retrying {} staged batch(es) before fetching new MOs: {}", staged.size(), names(staged));
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
                LOG.info(TASK + "no new confirmed MOs in Odoo");
            } else {
                staged.forEach(b -> LOG.info(TASK + "MO {} staged into slot {}: {} kg of {}, {} components on the PLC{}",
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
        distinct.duplicates().forEach(mo -> LOG.warn(TASK + "Odoo listed MO {} more than once: staged once", mo));
        List<PlannedBatch> out = new ArrayList<>();
        for (PlannedBatch plan : distinct.plans()) {
            try {
                recipes.encode(recipe(out.size() + 1, plan));
                out.add(plan);
            } catch (RecipeRejectedException e) {
                LOG.warn(TASK + "MO {} not staged: {}", plan.moName(), e.getMessage());
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
            LOG.warn(TASK + "the PLC already holds {} (D7076 = {}): marking them WRITTEN without writing again",
                    names(staged), area.recipesTaken() ? 1 : 0);
        }
        return held;
    }

    public List<Recipe> recipes(@ExchangeProperty(STAGED) List<BatchStaging.StagedBatch> staged) {
        return staged.stream().map(b -> recipe(b.slot(), b.plan())).toList();
    }

    public void markWritten(@ExchangeProperty(STAGED) List<BatchStaging.StagedBatch> staged, Exchange exchange)
            throws SQLException {
        staging.markWritten(staged, "recipe in PLC WRITE slot");
        TaskCounts.put(exchange, "written", staged.size());
        LOG.info(TASK + "{} batch(es) WRITTEN to the PLC: {}", staged.size(), names(staged));
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
