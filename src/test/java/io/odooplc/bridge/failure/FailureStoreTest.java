package io.odooplc.bridge.failure;

import java.time.Duration;
import java.time.LocalDateTime;

import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.support.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureStoreTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 2, 23, 20, 22, 35);
    private Database db;
    private FailureStore store;

    @BeforeEach
    void open() {
        db = MigratedDatabase.fresh();
        store = new FailureStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEventIsStoredOnce() throws Exception {
        assertThat(store.store("silo101", "START_FAILURE", AT)).isTrue();
        assertThat(store.store("silo101", "START_FAILURE", AT)).isFalse();
        assertThat(store.store("silo101", "SENSOR_ERROR", AT)).isTrue();
        assertThat(store.due(10)).hasSize(2);
    }

    @Test
    void pendingUntilOdooTakesItWithBackoffBetweenAttempts() throws Exception {
        store.store("silo101", "START_FAILURE", AT);
        store.store("lq114", "SENSOR_ERROR", AT.plusMinutes(1));
        FailureStore.PendingFailure first = store.due(10).get(0);
        assertThat(first.equipmentCode()).isEqualTo("silo101");
        assertThat(first.failureAt()).isEqualTo(AT);

        store.retryLater(first.id(), "HTTP 500", Duration.ofHours(1));
        assertThat(store.due(10)).extracting(FailureStore.PendingFailure::equipmentCode).containsExactly("lq114");

        store.retryLater(first.id(), "HTTP 500", Duration.ZERO);
        assertThat(store.due(10).get(0).attempts()).isEqualTo(2);
        store.sent(first.id());
        long second = store.due(10).get(0).id();
        store.rejected(second, "Equipment with code \"lq114\" not found");
        assertThat(store.due(10)).isEmpty();
    }
}
