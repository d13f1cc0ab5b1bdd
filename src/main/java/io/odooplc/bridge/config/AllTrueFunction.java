package io.odooplc.bridge.config;

/**
 * {@code {{all:ENABLE_AUTO_SYNC,ENABLE_TASK_1_AUTO_SYNC}}} is {@code true} when every named boolean setting is true:
 * a route's {@code autoStartup} reads as "master switch AND own flag" right in the YAML.
 */
@org.apache.camel.spi.annotations.PropertiesFunction("all")
public class AllTrueFunction extends SettingFunction {

    @Override
    public String getName() {
        return "all";
    }

    @Override
    public String apply(String remainder) {
        boolean all = true;
        for (String key : remainder.split(",")) {
            all &= Values.parseBoolean(key.strip(), lookup(key).orElse(null));
        }
        return Boolean.toString(all);
    }
}
