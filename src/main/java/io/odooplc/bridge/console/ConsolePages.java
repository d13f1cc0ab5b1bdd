package io.odooplc.bridge.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The operator console: {@code GET /} and {@code /ui/...} on the task API server serve the page's HTML, CSS and
 * JavaScript from the classpath through Vert.x's {@link StaticHandler}, on the router Camel's REST routes use.
 * Only the files under {@link #WEB_ROOT} are served: Vert.x looks in the working directory before the classpath, so
 * the root is a package path no working directory has (never {@code camel.server.staticEnabled}, which serves the
 * working directory itself, application.properties included).
 */
public final class ConsolePages implements ExtendedStartupListener {

    static final String WEB_ROOT = "io/odooplc/bridge/console";
    /** Scripts, styles and data only from the bridge itself; no framing, so no click-jacking of the buttons. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final int port;

    public ConsolePages(int port) {
        this.port = port;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // Added once everything has started (see below): the HTTP server and the API's REST routes are there then.
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        Router router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            throw new IllegalStateException("no HTTP server on port " + port + " to serve the console on");
        }
        StaticHandler files = StaticHandler.create(WEB_ROOT).setCachingEnabled(false).setDirectoryListing(false)
                .setIncludeHidden(false).setDefaultContentEncoding("UTF-8");
        for (String path : new String[] {"/", "/ui/*"}) {
            router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD)
                    .handler(ConsolePages::securityHeaders).handler(files);
        }
    }

    private static void securityHeaders(RoutingContext request) {
        request.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        request.next();
    }
}
