package io.odooplc.bridge.sim.stock;

/** An exception stock Odoo raises in a model method: its Python name, message and JSON-2 status. */
final class OdooError extends RuntimeException {

    final String name;
    final int status;

    private OdooError(String name, String message, int status) {
        super(message);
        this.name = name;
        this.status = status;
    }

    static OdooError user(String message) {
        return new OdooError("odoo.exceptions.UserError", message, 422);
    }

    static OdooError access(String message) {
        return new OdooError("odoo.exceptions.AccessError", message, 403);
    }

    static OdooError missing(String message) {
        return new OdooError("odoo.exceptions.MissingError", message, 404);
    }

    /** What asking for a field the version does not have raises. */
    static OdooError invalidField(String field, String model) {
        return new OdooError("builtins.ValueError", "Invalid field '" + field + "' on model '" + model + "'", 500);
    }

    /** A PostgreSQL serialization failure left after the server's own retries. */
    static OdooError serialization() {
        return new OdooError("psycopg2.errors.SerializationFailure",
                "could not serialize access due to concurrent update", 409);
    }

    static OdooError noMethod(String model, String method) {
        return new OdooError("builtins.AttributeError", "The method '" + method + "' does not exist on the model '"
                + model + "'", 404);
    }

    /** execute_kw on a model that is not installed; JSON-2 answers 404. */
    static OdooError noModel(String model) {
        return new OdooError("odoo.exceptions.UserError", "Object " + model + " doesn't exist", 404);
    }
}
