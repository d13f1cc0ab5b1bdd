package io.odooplc.bridge.odoo.stock;

import io.odooplc.bridge.odoo.OdooTarget;

/**
 * A stock-Odoo target: {@code /jsonrpc} (14-18) labelled with the service call or the model and method, or JSON-2's
 * {@code /json/2/<model>/<method>} (19+); or an operation as a whole ({@code stock mo-list}), for the health check.
 */
public record StockTarget(String path, String label) implements OdooTarget {

    public static StockTarget jsonRpc(String what) {
        return new StockTarget("/jsonrpc", "/jsonrpc " + what);
    }

    public static StockTarget json2(String model, String method) {
        String path = "/json/2/" + model + "/" + method;
        return new StockTarget(path, path);
    }

    public static StockTarget operation(String name) {
        return new StockTarget("", "stock " + name);
    }
}
