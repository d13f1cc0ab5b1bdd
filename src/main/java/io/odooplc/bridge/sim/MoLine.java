package io.odooplc.bridge.sim;

/** One BoM line of an MO to build: the product, the planned quantity and the equipment it is dosed from (null for none). */
public record MoLine(int productTmplId, int productId, String productName, double quantity, String uom,
                     String equipmentCode) {
}
