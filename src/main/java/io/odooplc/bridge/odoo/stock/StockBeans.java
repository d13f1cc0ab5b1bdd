package io.odooplc.bridge.odoo.stock;

import java.util.List;
import java.util.Optional;

import io.odooplc.bridge.config.BridgeSettings.OdooSettings;
import io.odooplc.bridge.config.SafeUrl;
import io.odooplc.bridge.plc.Equipment;
import org.apache.camel.spi.Registry;

/** The beans {@code routes/odoo-stock.camel.yaml} refers to, by the names it uses. */
public final class StockBeans {

    private StockBeans() {
    }

    public static StockConnection bind(Registry registry, Optional<OdooSettings> connection, List<Equipment> equipment,
            List<Object> moDomain) {
        StockConnection odoo = new StockConnection(connection,
                connection.map(c -> SafeUrl.of(c.url())).orElse("(not configured)"));
        StockLines lines = new StockLines(odoo, equipment);
        registry.bind("odooStock", odoo);
        registry.bind("odooStockLines", lines);
        registry.bind("odooStockMoList", new StockMoList(odoo, lines, moDomain));
        registry.bind("odooStockMo", new StockMoWrites(odoo, lines));
        registry.bind("odooStockMaintenance", new StockMaintenance(odoo));
        return odoo;
    }
}
