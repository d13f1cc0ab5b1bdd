package io.odooplc.bridge.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The MOs of one fetch, each once. Odoo can list an MO twice (an addon's join, pages that overlap while MOs change);
 * staged twice, the unique MO constraint would refuse the whole run, every run, and nothing would be staged again.
 *
 * @param plans      the first plan of each MO, in Odoo's order
 * @param duplicates the MOs Odoo listed more than once, each named once
 */
public record DistinctMos(List<PlannedBatch> plans, Set<String> duplicates) {

    public DistinctMos {
        plans = List.copyOf(plans);
        duplicates = Set.copyOf(duplicates);
    }

    public static DistinctMos of(List<PlannedBatch> listed) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<PlannedBatch> plans = new ArrayList<>();
        for (PlannedBatch plan : listed) {
            if (seen.add(plan.moName())) {
                plans.add(plan);
            } else {
                duplicates.add(plan.moName());
            }
        }
        return new DistinctMos(plans, duplicates);
    }
}
