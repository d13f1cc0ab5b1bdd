package io.odooplc.bridge.config;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;

/** A route property function that reads other settings through Camel's properties (so overrides apply). */
abstract class SettingFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    /** The setting's value; blank counts as not set. */
    protected Optional<String> lookup(String key) {
        return camelContext.getPropertiesComponent().resolveProperty(key.strip()).filter(v -> !v.isBlank());
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
