package io.odooplc.bridge.odoo;

/**
 * Where one request goes: the URL path under ODOO_URL, and the name it has in the metrics
 * ({@code bridge_odoo_calls_total{endpoint}}) and the health check.
 */
public interface OdooTarget {

    /** The path after ODOO_URL. */
    String path();

    /** The metrics' endpoint label. */
    default String label() {
        return path();
    }

    /** A login call: sent without the session cookie. */
    default boolean isLogin() {
        return false;
    }
}
