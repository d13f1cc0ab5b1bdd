package io.odooplc.bridge.support;

import io.odooplc.bridge.batch.BatchStaging;
import io.odooplc.bridge.db.Database;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Task 1's statements as the bridge runs them: routes/batch-staging.camel.yaml in a Camel context of its own over a
 * test database, for tests of {@link BatchStaging} without the whole bridge.
 */
public final class StagingRoutes implements AutoCloseable {

    private final DefaultCamelContext context;

    private StagingRoutes(DefaultCamelContext context) {
        this.context = context;
    }

    public static StagingRoutes over(Database db) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("dataSource", db.dataSource());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:routes/batch-staging.camel.yaml"));
        context.start();
        return new StagingRoutes(context);
    }

    public BatchStaging staging() {
        return new BatchStaging(context);
    }

    @Override
    public void close() {
        context.stop();
    }
}
