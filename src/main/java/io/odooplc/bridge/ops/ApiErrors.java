package io.odooplc.bridge.ops;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import io.odooplc.bridge.db.Database;
import io.odooplc.bridge.db.DatabaseUnavailableException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer of an API request that failed with an exception (route configuration {@code api-errors}): a JSON
 * message with a status that says whose problem it is, and one log line instead of a stack trace per request.
 * PostgreSQL unreachable: 503. A parameter PostgreSQL refuses as data (SQLSTATE class 22, e.g. a NUL byte in
 * {@code ?mo=}): 400. Anything else: 500.
 */
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    public Map<String, Object> answer(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String request = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class) + " "
                + exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        SQLException sql = find(e, SQLException.class);
        if (unavailable(e, sql)) {
            LOG.warn("{}: 503, database unavailable: {}", request, Database.rootMessage(e));
            return ApiExchange.error(exchange, 503, "database unavailable, try again later");
        }
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            LOG.info("{}: 400, the database refused a parameter: {}", request, sql.getMessage());
            return ApiExchange.error(exchange, 400, "a parameter holds a value the database cannot take: "
                    + sql.getMessage());
        }
        LOG.error("{}: 500, {}", request, Database.rootMessage(e));
        return ApiExchange.error(exchange, 500, "internal error: " + Database.rootMessage(e));
    }

    private static boolean unavailable(Exception e, SQLException sql) {
        if (find(e, DatabaseUnavailableException.class) != null || find(e, SQLTransientConnectionException.class)
                != null) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P0x: the server is shutting down or restarting.
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
