package io.odooplc.bridge.ops;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;

/**
 * Binds the REST routes to the API server on {@code HTTP_PORT}. With the management server running beside it, Camel
 * 4.17's engine finds two HTTP servers, cannot choose, and falls back to port 8080: any other HTTP_PORT then fails
 * at start with "No PlatformHttpEngine created ... platform-http-router-8080".
 */
public class ApiHttpEngine extends VertxPlatformHttpEngine {

    private final int port;

    public ApiHttpEngine(int port) {
        this.port = port;
    }

    @Override
    public int getServerPort() {
        return port;
    }
}
