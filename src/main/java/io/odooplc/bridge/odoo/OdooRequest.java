package io.odooplc.bridge.odoo;

import java.util.Map;

/**
 * One request to Odoo as the route files pass it around: the target, the JSON body (a Map, turned into JSON by
 * camel-jackson when it is sent) and the HTTP headers it needs besides JSON's (JSON-2's bearer key). Its toString
 * names only the target: a login body or a header may hold the password or key.
 */
public record OdooRequest(OdooTarget path, Object payload, Map<String, String> headers) {

    public OdooRequest(OdooTarget path, Object payload) {
        this(path, payload, Map.of());
    }

    @Override
    public String toString() {
        return "OdooRequest[" + path.path() + "]";
    }
}
