package io.odooplc.bridge.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.management.DefaultManagementObjectStrategy;

/**
 * Camel's JMX MBeans (the context, its routes and services) without one MBean per endpoint. An endpoint MBean is named
 * after its URI, which Camel masks for secrets with regular expressions: over the routes' long inline {@code sql:}
 * URIs that took a tenth of the start-up's main thread. Nothing of the bridge reads them: {@code camel ps}, {@code camel
 * get}, {@code camel cmd}, health and metrics work from the routes and Camel's endpoint registry.
 */
public final class NoEndpointMBeans extends DefaultManagementObjectStrategy {

    @Override
    public Object getManagedObjectForEndpoint(CamelContext context, Endpoint endpoint) {
        return null;
    }
}
