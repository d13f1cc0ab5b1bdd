package io.odooplc.bridge.odoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;

/**
 * The bodies of the SCADA addon's routes, as the legacy service sent them, built from the
 * headers the {@code direct:odoo-...} operations take. The route file decides which operation calls which.
 */
public final class AddonRequests {

    /** Header names of the operations' inputs. */
    public static final String MO = "OdooMo";
    public static final String LIMIT = "OdooLimit";
    public static final String OFFSET = "OdooOffset";
    public static final String FINISHED_QTY = "OdooFinishedQty";
    public static final String EQUIPMENT = "OdooEquipment";
    public static final String DESCRIPTION = "OdooDescription";
    public static final String DATE = "OdooDate";

    private AddonRequests() {
    }

    /** {@code /api/scada/mo-list-detailed}: one page of confirmed MOs (a JSON-RPC call). */
    public static OdooRequest moList(@Header(LIMIT) int limit, @Header(OFFSET) int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        params.put("states", List.of("confirmed"));
        return new OdooRequest(OdooPath.MO_LIST, Map.of("jsonrpc", "2.0", "method", "call", "params", params));
    }

    /** {@code /api/scada/mo/update-with-consumptions}: the body is {@link ConsumptionPayload}'s. */
    public static OdooRequest postConsumption(Map<String, Object> payload) {
        return new OdooRequest(OdooPath.MO_UPDATE, payload);
    }

    /** {@code /api/scada/mo/mark-done} with the finished quantity the PLC weighed. */
    public static OdooRequest markDone(@Header(MO) String moName, @Header(FINISHED_QTY) double finishedQty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mo_id", moName);
        body.put("finished_qty", finishedQty);
        return new OdooRequest(OdooPath.MO_MARK_DONE, body);
    }

    /** {@code /api/scada/mo/cancel}: safe to repeat, an MO already cancelled is a success. */
    public static OdooRequest cancel(@Header(MO) String moName) {
        return new OdooRequest(OdooPath.MO_CANCEL, Map.of("mo_id", moName));
    }

    /** {@code /api/scada/equipment-failure}: one failure report, date as {@code YYYY-MM-DD HH:MM:SS}. */
    public static OdooRequest reportFailure(@Header(EQUIPMENT) String equipmentCode,
            @Header(DESCRIPTION) String description, @Header(DATE) String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("equipment_code", equipmentCode);
        body.put("description", description);
        body.put("date", date);
        return new OdooRequest(OdooPath.EQUIPMENT_FAILURE, body);
    }
}
