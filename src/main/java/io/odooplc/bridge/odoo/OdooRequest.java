package io.odooplc.bridge.odoo;

/**
 * One request to Odoo as the route files pass it around: the route and the JSON body (a Map, turned into JSON by
 * camel-jackson when it is sent). Its toString names only the route: a login body holds the password.
 */
public record OdooRequest(OdooPath path, Object payload) {

    @Override
    public String toString() {
        return "OdooRequest[" + path.path() + "]";
    }
}
