package io.odooplc.bridge.config;

/**
 * {@code {{odoo-routes-unused:ODOO_API}}} is the route file of the Odoo adapter that setting does not name, which
 * {@code application.properties} leaves out of the routes loaded. A function rather than a value the bridge derives,
 * because Camel (and Camel JBang's {@code camel run}) resolves the routes patterns before the bridge starts.
 */
@org.apache.camel.spi.annotations.PropertiesFunction("odoo-routes-unused")
public class OdooRoutesUnusedFunction extends SettingFunction {

    @Override
    public String getName() {
        return "odoo-routes-unused";
    }

    @Override
    public String apply(String remainder) {
        try {
            return OdooApi.of(lookup(remainder).orElse("addon")).other().routeFile();
        } catch (InvalidSettingException e) {
            // Both adapters stay out; the settings check at start-up then stops the bridge with the error line.
            return "odoo-*.camel.yaml";
        }
    }
}
