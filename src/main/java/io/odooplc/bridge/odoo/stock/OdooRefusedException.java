package io.odooplc.bridge.odoo.stock;

/**
 * Stock Odoo answered a call with an error: Odoo works, so the circuit does not count it. A business error
 * ({@code UserError}, {@code ValidationError}, {@code MissingError}, {@code AccessError}, or the bridge's own refusal
 * such as an MO already done) becomes REJECTED, resending cannot help; any other (an invalid field, a model that is
 * not installed) FAILED, offered again after the task's backoff.
 */
public class OdooRefusedException extends Exception {

    private final boolean business;

    public OdooRefusedException(String message, boolean business) {
        super(message);
        this.business = business;
    }

    public boolean business() {
        return business;
    }
}
