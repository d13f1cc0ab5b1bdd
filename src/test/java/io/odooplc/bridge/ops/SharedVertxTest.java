package io.odooplc.bridge.ops;

import io.odooplc.bridge.support.RunningBridge;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API server and the management server answer from the one Vert.x the bridge binds, and that Vert.x ends with the
 * bridge: its event loops are non-daemon threads that would otherwise keep a stopped bridge's JVM up.
 */
class SharedVertxTest {

    @Test
    void bothServersAnswerFromOneVertxThatEndsWhenTheBridgeStops() throws Exception {
        VertxInternal vertx;
        try (RunningBridge bridge = RunningBridge.start(RunningBridge.testSettings())) {
            vertx = (VertxInternal) bridge.context().getRegistry().lookupByNameAndType(SharedVertx.BEAN_NAME,
                    Vertx.class);
            assertThat(vertx).as("the bridge's Vert.x in the registry").isNotNull();
            for (int port : new int[] {bridge.settings().httpPort(), bridge.settings().managementPort()}) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(bridge.context(),
                        VertxPlatformHttpRouter.getRouterNameFromPort(port));
                assertThat(router.vertx()).as("the Vert.x of the server on port %d", port).isSameAs(vertx);
            }
            assertThat(bridge.get("/api/tasks").statusCode()).isEqualTo(200);
            assertThat(bridge.management("/observe/metrics").statusCode()).isEqualTo(200);
            assertThat(vertx.getEventLoopGroup()).as("event loops").hasSize(SharedVertx.EVENT_LOOPS);
        }
        assertThat(vertx.getEventLoopGroup().isTerminated()).as("event loops ended after the bridge stopped").isTrue();
        assertThat(vertx.getAcceptorEventLoopGroup().isTerminated()).as("acceptor ended").isTrue();
    }
}
