package io.odooplc.bridge.sim;

/** The one user the fake Odoo knows; uid is what both authenticate routes report on success. */
public record OdooCredentials(String db, String login, String password, int uid) {

    public static OdooCredentials defaults() {
        return new OdooCredentials("odoo14", "admin", "admin", 2);
    }

    boolean matches(String db, String login, String password) {
        return this.db.equals(db) && this.login.equals(login) && this.password.equals(password);
    }

    @Override
    public String toString() {
        return "OdooCredentials[db=" + db + ", login=" + login + ", uid=" + uid + "]";
    }
}
