package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.util.List;

import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.support.MigratedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same MO twice in one Odoo list: staged once, named once, and the other MOs of the list staged with it. */
class DistinctMosTest {

    private static PlannedBatch plan(String mo, String kg) {
        return new PlannedBatch(mo, "[10092] JF SAPOT 1B", new BigDecimal(kg), "PLC01",
                List.of(new PlannedBatch.Component(103, "silo103", "POLLARD", new BigDecimal("300.5"))), List.of());
    }

    @Test
    void anMoListedTwiceIsStagedOnceWithTheRest() throws Exception {
        List<PlannedBatch> listed = List.of(plan("WH/MO/00011", "1000"), plan("WH/MO/00012", "900"),
                plan("WH/MO/00011", "1000"), plan("WH/MO/00013", "800"), plan("WH/MO/00011", "1000"));
        DistinctMos distinct = DistinctMos.of(listed);
        assertThat(distinct.plans()).extracting(PlannedBatch::moName)
                .containsExactly("WH/MO/00011", "WH/MO/00012", "WH/MO/00013");
        assertThat(distinct.duplicates()).containsExactly("WH/MO/00011");

        try (Database db = MigratedDatabase.fresh()) {
            BatchStaging staging = new BatchStaging(db.dataSource());
            // What task 1 did before: the whole list, refused as a whole by the unique MO constraint.
            assertThatThrownBy(() -> staging.stage(listed)).hasMessageContaining("uq_batch_mo");
            assertThat(staging.stage(distinct.plans())).extracting(BatchStaging.StagedBatch::slot)
                    .containsExactly(1, 2, 3);
        }
    }
}
