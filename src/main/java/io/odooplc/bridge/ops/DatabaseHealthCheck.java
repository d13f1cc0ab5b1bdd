package io.odooplc.bridge.ops;

import java.util.Map;

import io.odooplc.bridge.db.Database;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** UP when PostgreSQL answers and the schema is migrated; DOWN with the reason otherwise. */
public class DatabaseHealthCheck extends AbstractHealthCheck {

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        super("bridge", "database");
        this.database = database;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("database", database.description());
        try {
            database.ping();
            if (!database.migrate()) {
                builder.message("schema migration failed, see the log").down();
                return;
            }
            builder.up();
        } catch (Exception e) {
            builder.message(Database.rootMessage(e)).down();
        }
    }
}
