package io.odooplc.bridge.support;

import io.odooplc.bridge.config.DatabaseUrl;
import io.odooplc.bridge.db.Database;

/** A fresh, migrated test database for tests of SQL beans without the whole bridge. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static Database fresh() {
        String url = TestDatabase.freshDatabaseUrl();
        DatabaseUrl parsed = DatabaseUrl.parse("DATABASE_URL", url);
        Database db = new Database(parsed.jdbcUrl(), parsed.user(), parsed.password(), "test");
        db.ensureReady();
        return db;
    }
}
