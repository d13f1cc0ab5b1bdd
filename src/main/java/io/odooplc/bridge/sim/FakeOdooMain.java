package io.odooplc.bridge.sim;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake Odoo for the demo: {@code FakeOdooMain [--host 127.0.0.1] [--port 8069] [--mos 30] [--seed 1]}.
 * Prints the URL to put in ODOO_URL and the credentials to use, then serves until the process is stopped.
 */
public final class FakeOdooMain {

    private static final String USAGE = "usage: FakeOdooMain [--host 127.0.0.1] [--port 8069] [--mos 30] [--seed 1]";

    private FakeOdooMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8069;
        int mos = 30;
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                switch (args[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--mos" -> mos = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        FakeOdoo odoo = FakeOdoo.withGeneratedStock(mos, seed).start(new InetSocketAddress(host, port));
        Runtime.getRuntime().addShutdownHook(new Thread(odoo::stop, "fake-odoo-shutdown"));
        OdooCredentials login = odoo.credentials();
        System.out.println("Fake Odoo " + odoo.url() + " (db " + login.db() + ", login " + login.login()
                + ", " + odoo.stock().size() + " MOs, seed " + seed + ")");
        new CountDownLatch(1).await();
    }
}
