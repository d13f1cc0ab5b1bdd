package io.odooplc.bridge.config;

import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.camel.Ordered;
import org.apache.camel.spi.LoadablePropertiesSource;

/**
 * A fixed set of properties as one named, ordered source of Camel's properties component: lower order wins (Camel's
 * {@code --prop} source has 0, files given as locations 100 and up). Listed by {@code camel get properties}.
 */
public class MapPropertiesSource implements LoadablePropertiesSource, Ordered {

    private final String name;
    private final int order;
    private final Map<String, String> values;

    public MapPropertiesSource(String name, int order, Map<String, String> values) {
        this.name = name;
        this.order = order;
        this.values = Map.copyOf(values);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public String getProperty(String key) {
        return values.get(key);
    }

    @Override
    public Properties loadProperties() {
        return loadProperties(key -> true);
    }

    @Override
    public Properties loadProperties(Predicate<String> filter) {
        Properties out = new Properties();
        values.forEach((k, v) -> {
            if (filter.test(k)) {
                out.setProperty(k, v);
            }
        });
        return out;
    }

    @Override
    public void reloadProperties(String location) {
        // Fixed for the life of the process: a changed .env or setting takes a restart, as documented.
    }
}
