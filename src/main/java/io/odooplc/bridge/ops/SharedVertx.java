package io.odooplc.bridge.ops;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The one Vert.x instance behind both HTTP servers: the API server ({@code camel.server.*}: task API, console) and
 * the management server ({@code camel.management.*}: health, metrics). Camel's HTTP server uses the Vert.x it finds
 * in the registry; without one, each server made its own with Vert.x's defaults (an event loop per core, up to 20
 * worker threads, its own acceptor and blocked-thread checker). A handful of API and metrics requests need one event
 * loop; the workers run the requests' routes (a task run asked for through the API holds one while it runs).
 * <p>
 * Camel 4.17's server closes only a Vert.x it made itself, never one from the registry, so this one is closed here,
 * once the context has stopped: a service of BridgeConfiguration's own is stopped before the servers, and closing
 * Vert.x before them makes their own close fail ("event executor terminated").
 */
public final class SharedVertx {

    static final String BEAN_NAME = "vertx";
    static final int EVENT_LOOPS = 1;
    static final int WORKERS = 4;
    /** Vert.x's own blocking work: the console's files read from the classpath. */
    static final int INTERNAL_WORKERS = 2;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private SharedVertx() {
    }

    /** Creates the instance, binds it for both servers and closes it once {@code context} has stopped. */
    public static Vertx bind(CamelContext context) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setWorkerPoolSize(WORKERS)
                .setInternalBlockingPoolSize(INTERNAL_WORKERS));
        context.addLifecycleStrategy(LifecycleStrategySupport.adapt(
                LifecycleStrategySupport.onCamelContextStopped(stopped -> close(vertx))));
        context.getRegistry().bind(BEAN_NAME, vertx);
        return vertx;
    }

    /** Ends every Vert.x thread (they are not daemons): a stopped bridge leaves none behind to keep the JVM up. */
    private static void close(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new RuntimeCamelException("Vert.x of the HTTP servers did not close", e);
        }
    }
}
