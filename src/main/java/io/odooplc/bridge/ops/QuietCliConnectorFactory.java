package io.odooplc.bridge.ops;

import java.io.File;
import java.time.Duration;

import org.apache.camel.cli.connector.DefaultCliConnectorFactory;
import org.apache.camel.cli.connector.LocalCliConnector;
import org.apache.camel.spi.CliConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel CLI connector ({@code camel ps}, {@code camel get}, {@code camel cmd}) at a fraction of its cost. Camel's
 * own connector rebuilds its status file from every dev console (routes with processors, health checks, metrics, ...)
 * once a second, which took a fifth of a core on an idle bridge (one rebuild costs 0.2-0.6 s of CPU, mostly reading
 * route and processor statistics over JMX). Here the status is rebuilt every {@link #STATUS_INTERVAL} (so
 * {@code camel ps} and {@code camel get} show figures up to a minute old) and at once after the CLI sent a command,
 * so {@code camel get} shows its effect; commands are still picked up within a second. Set by BridgeConfiguration,
 * also under {@code camel run}; {@code CAMEL_CLI_ENABLED=false} runs no connector at all.
 */
public class QuietCliConnectorFactory extends DefaultCliConnectorFactory {

    static final Duration STATUS_INTERVAL = Duration.ofSeconds(60);

    public QuietCliConnectorFactory(boolean enabled) {
        setEnabled(enabled);
    }

    @Override
    public CliConnector createConnector() {
        return isEnabled() ? new QuietCliConnector(this) : null;
    }

    private static final class QuietCliConnector extends LocalCliConnector {

        private static final Logger LOG = LoggerFactory.getLogger(QuietCliConnector.class);

        // Where Camel's connector and the CLI exchange a command (LocalCliConnector creates it so).
        private final File actionFile = new File(new File(System.getProperty("user.home"), ".camel"),
                ProcessHandle.current().pid() + "-action.json");
        private boolean commandSeen = true;
        private long nextStatus;

        QuietCliConnector(DefaultCliConnectorFactory factory) {
            super(factory);
        }

        /**
         * {@code camel stop <pid>} (the CLI deleted this process's lock file): stop Camel, then end the JVM, as
         * {@code java -jar odoo-plc-bridge.jar} and {@code camel run} do once Camel has stopped. Camel's own
         * connector only stops Camel, on a thread that is no daemon and never ends, so the JVM of an exported
         * project (whose main class just returns) stayed up; so did PLC4X's timer threads, one per PLC
         * connection the bridge opened, which its connections do not always stop when they close.
         */
        @Override
        public void sigterm() {
            Thread terminate = new Thread(() -> {
                LOG.info("camel stop: stopping Camel, then the JVM");
                int status = 0;
                try {
                    getCamelContext().stop();
                } catch (RuntimeException e) {
                    LOG.error("Camel did not stop cleanly on camel stop", e);
                    status = 1;
                }
                System.exit(status);
            }, "camel stop");
            terminate.setDaemon(true);
            terminate.start();
        }

        @Override
        protected void actionTask() {
            boolean command = actionFile.length() > 0;
            super.actionTask();
            commandSeen |= command;
        }

        @Override
        protected void statusTask() {
            // None while Camel starts: a status taken then can fail (a component without its engine yet), and each
            // took 0.2-0.5 s of CPU from the start-up. The first comes within a second after it (commandSeen).
            if (!getCamelContext().isStarted()) {
                return;
            }
            long now = System.nanoTime();
            if (commandSeen || now - nextStatus >= 0) {
                commandSeen = false;
                nextStatus = now + STATUS_INTERVAL.toNanos();
                super.statusTask();
            }
        }
    }
}
