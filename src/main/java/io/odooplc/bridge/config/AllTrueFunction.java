package io.odooplc.bridge.config;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;

/**
 * {@code {{all:ENABLE_AUTO_SYNC,ENABLE_TASK_1_AUTO_SYNC}}} is {@code true} when every named boolean setting is true:
 * a route's {@code autoStartup} reads as "master switch AND own flag" right in the YAML.
 */
@org.apache.camel.spi.annotations.PropertiesFunction("all")
public class AllTrueFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "all";
    }

    @Override
    public String apply(String remainder) {
        boolean all = true;
        for (String key : remainder.split(",")) {
            String k = key.strip();
            all &= Values.parseBoolean(k, camelContext.getPropertiesComponent().resolveProperty(k).orElse(null));
        }
        return Boolean.toString(all);
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
