package io.odooplc.bridge.config;

/**
 * {@code {{odoo-routes-unused:ODOO_API}}} is the route file of the Odoo adapter that setting does not name, which
 * {@code application.properties} leaves out of the routes loaded. A function rather than a value the bridge derives,
 * because Camel (and Camel JBang's {@code camel run}) resolves the routes patterns before the bridge starts. The demo
 * owns ODOO_API (BRIDGE_DEMO_ODOO chooses its Odoo double), so with BRIDGE_DEMO that setting decides.
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
            String api = Values.parseBoolean("BRIDGE_DEMO", lookup("BRIDGE_DEMO").orElse("false"))
                    ? (lookup("BRIDGE_DEMO_ODOO").orElse("addon").strip().startsWith("stock") ? "stock" : "addon")
                    : lookup(remainder).orElse("addon");
            return OdooApi.of(api).other().routeFile();
        } catch (InvalidSettingException e) {
            // Both adapters stay out; the settings check at start-up then stops the bridge with the error line.
            return "odoo-*.camel.yaml";
        }
    }
}
