package io.odooplc.bridge.odoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.odooplc.bridge.batch.BatchStaging;
import io.odooplc.bridge.batch.PlannedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task 1's Odoo side: the next confirmed MOs the bridge does not hold yet. It asks for {@code states: ["confirmed"]}
 * and pages on past MOs it already holds (active or archived, plant-contract #23) or that are not confirmed (an addon that
 * ignores the filter lists posted MOs in progress first), until it has enough or the list ends.
 */
public class MoFetcher {

    /** What one fetch found, with the counts for the run's summary line. */
    public record Fetched(List<PlannedBatch> batches, int listed, int held, int notConfirmed, int invalid) {
    }

    /** One page of the MO list: at most {@code limit} MOs after the first {@code offset}. */
    public record Page(int limit, int offset) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MoFetcher.class);
    /** A safety stop: an addon that ignored offset would otherwise be asked forever. */
    private static final int MAX_PAGES = 50;

    private final Function<Page, OdooReply> odoo;
    private final BatchStaging staging;
    private final MoReader reader;

    /** {@code odoo} lists one page: the route {@code direct:odoo-mo-list} (see {@link OdooBeans#moList}). */
    public MoFetcher(Function<Page, OdooReply> odoo, BatchStaging staging, MoReader reader) {
        this.odoo = odoo;
        this.staging = staging;
        this.reader = reader;
    }

    public Fetched fetch(int wanted) {
        List<PlannedBatch> found = new ArrayList<>();
        int listed = 0;
        int held = 0;
        int notConfirmed = 0;
        int invalid = 0;
        int offset = 0;
        for (int page = 0; page < MAX_PAGES && found.size() < wanted; page++) {
            OdooReply reply = odoo.apply(new Page(wanted, offset));
            if (!reply.isSuccess()) {
                throw new OdooCallFailedException("cannot list MOs from Odoo: " + reply.message());
            }
            JsonNode data = reply.body().path("data");
            listed += data.size();
            Set<String> heldNames = staging.held(names(data));
            for (JsonNode mo : data) {
                String name = mo.path("mo_id").asText();
                if (heldNames.contains(name)) {
                    held++;
                } else if (!"confirmed".equals(mo.path("state").asText())) {
                    notConfirmed++;
                    LOG.info("skipping {}: state '{}', only confirmed MOs are produced", name,
                            mo.path("state").asText());
                } else if (found.size() < wanted) {
                    try {
                        found.add(reader.read(mo));
                    } catch (InvalidMoException e) {
                        invalid++;
                        LOG.warn("skipping an MO Odoo listed: {}", e.getMessage());
                    }
                }
            }
            if (data.size() < wanted) {
                break;
            }
            offset += data.size();
        }
        return new Fetched(found, listed, held, notConfirmed, invalid);
    }

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.forEach(mo -> names.add(mo.path("mo_id").asText()));
        return names;
    }
}
