package io.odooplc.bridge.batch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.support.MigratedDatabase;
import io.odooplc.bridge.support.StagingRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchStagingTest {

    private Database db;
    private StagingRoutes routes;
    private BatchStaging staging;

    @BeforeEach
    void open() throws Exception {
        db = MigratedDatabase.fresh();
        routes = StagingRoutes.over(db);
        staging = routes.staging();
    }

    @AfterEach
    void close() {
        routes.close();
        db.close();
    }

    private static PlannedBatch plan(String mo) {
        return new PlannedBatch(mo, "[10092] JF SAPOT 1B", new BigDecimal("1000"), "PLC01",
                List.of(new PlannedBatch.Component(103, "silo103", "POLLARD", new BigDecimal("300.5")),
                        new PlannedBatch.Component(114, "lq114", "TETES", new BigDecimal("40"))),
                List.of("CaCO3"));
    }

    @Test
    void stagesIntoSlotsOneToNAndReadsThemBack() throws Exception {
        staging.stage(List.of(plan("WH/MO/00011"), plan("WH/MO/00012"), plan("WH/MO/00013")));
        BatchStaging.Queue q = staging.queue();
        assertThat(q.busy()).isFalse();
        assertThat(q.staged()).extracting(BatchStaging.StagedBatch::slot).containsExactly(1, 2, 3);
        assertThat(q.staged().get(1).plan().moName()).isEqualTo("WH/MO/00012");
        assertThat(q.staged().get(0).plan().components()).extracting(PlannedBatch.Component::plannedKg)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("300.5"), new BigDecimal("40"));
        assertThat(staging.held(List.of("WH/MO/00012", "WH/MO/00099"))).containsExactly("WH/MO/00012");
        assertThat(count("select count(*) from batch_event where to_state = 'STAGED'")).isEqualTo(3);
    }

    @Test
    void aDuplicateMoStagesNothing() throws Exception {
        staging.stage(List.of(plan("WH/MO/00011")));
        exec("update batch set state = 'SYNCED'");
        assertThatThrownBy(() -> staging.stage(List.of(plan("WH/MO/00020"), plan("WH/MO/00011"))))
                .hasMessageContaining("uq_batch_mo");
        assertThat(count("select count(*) from batch")).isEqualTo(1);
    }

    @Test
    void markWrittenMovesAllOrNothing() throws Exception {
        List<BatchStaging.StagedBatch> staged = staging.stage(List.of(plan("WH/MO/00011"), plan("WH/MO/00012")));
        staging.markWritten(staged.subList(0, 1), "first");
        assertThatThrownBy(() -> staging.markWritten(staged, "again"))
                .hasMessageContaining("is no longer STAGED");
        assertThat(count("select count(*) from batch where state = 'WRITTEN'")).isEqualTo(1);
        assertThat(staging.queue().busy()).isTrue();
        assertThat(staging.queue().staged()).hasSize(1);
    }

    @Test
    void twoActiveBatchesCannotShareASlot() throws Exception {
        staging.stage(List.of(plan("WH/MO/00011")));
        assertThatThrownBy(() -> staging.stage(List.of(plan("WH/MO/00012"))))
                .hasMessageContaining("uq_batch_active_slot");
    }

    private void exec(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
