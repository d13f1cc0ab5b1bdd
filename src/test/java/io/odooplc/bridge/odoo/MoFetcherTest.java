package io.odooplc.bridge.odoo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.odooplc.bridge.batch.BatchStaging;
import io.odooplc.bridge.batch.PlannedBatch;
import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.plc.EquipmentMatcher;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.OdooEndpoint;
import io.odooplc.bridge.support.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Task 1's fetch against the fake Odoo's field sample (WH/MO/00011..20: 00011 and 00012 in progress). */
class MoFetcherTest {

    private final FakeOdoo odoo = FakeOdoo.withSampleStock().start();
    private final Database db = MigratedDatabase.fresh();
    private final BatchStaging staging = new BatchStaging(db.dataSource());
    private final OdooRoutes routes = new OdooRoutes(Optional.of(new OdooSettings(odoo.url(), "odoo14", "admin",
            "admin")), OdooRoutes.tuning(Duration.ofSeconds(2), 0, 3, Duration.ofSeconds(60)));
    private final MoFetcher fetcher = new MoFetcher(routes.moLister(), staging,
            new MoReader(new EquipmentMatcher(MemoryMap.loadDefault().equipment())));

    @AfterEach
    void stop() {
        routes.close();
        odoo.close();
        db.close();
    }

    private static List<String> names(MoFetcher.Fetched f) {
        return f.batches().stream().map(PlannedBatch::moName).toList();
    }

    @Test
    void asksForConfirmedMosOnly() throws Exception {
        MoFetcher.Fetched f = fetcher.fetch(10);
        assertThat(names(f)).containsExactly("WH/MO/00013", "WH/MO/00014", "WH/MO/00015", "WH/MO/00016",
                "WH/MO/00017", "WH/MO/00018", "WH/MO/00019", "WH/MO/00020");
        assertThat(odoo.calls(OdooEndpoint.MO_LIST).get(0).body().toString()).contains("\"states\":[\"confirmed\"]");
    }

    @Test
    void pagesPastHeldAndInProgressMosWhenTheAddonIgnoresTheFilter() throws Exception {
        odoo.faults().ignoreStatesFilter(true);
        staging.stage(List.of(new PlannedBatch("WH/MO/00013", "x", java.math.BigDecimal.TEN, null, List.of(), List.of())));
        MoFetcher.Fetched f = fetcher.fetch(3);
        assertThat(names(f)).containsExactly("WH/MO/00014", "WH/MO/00015", "WH/MO/00016");
        assertThat(f.held()).isEqualTo(1);
        assertThat(f.notConfirmed()).isEqualTo(2);
        assertThat(odoo.calls(OdooEndpoint.MO_LIST)).hasSize(2);
    }

    @Test
    void theListEndingStopsTheFetch() throws Exception {
        MoFetcher.Fetched f = fetcher.fetch(3);
        assertThat(f.batches()).hasSize(3);
        assertThat(fetcher.fetch(10).batches()).hasSize(8);
    }

    @Test
    void anOdooFailureFailsTheFetchWithTheReason() {
        odoo.faults().failAlways(OdooEndpoint.MO_LIST);
        assertThatThrownBy(() -> fetcher.fetch(10)).hasMessageContaining("cannot list MOs from Odoo: HTTP 500");
    }
}
