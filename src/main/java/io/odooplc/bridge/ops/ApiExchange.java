package io.odooplc.bridge.ops;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Query parameters and error answers as the REST APIs read and write them on the exchange. */
final class ApiExchange {

    private ApiExchange() {
    }

    /** The parameter, or null when it is absent or blank. */
    static String text(Message in, String name) {
        String s = in.getHeader(name, String.class);
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The first of these path parameters that a query parameter or form field repeats, or null. platform-http
     * merges both into one header holding a list; a path parameter is never overridden, so such a request is
     * refused.
     */
    static String repeatedPathParameter(Message in, String... pathParameters) {
        for (String name : pathParameters) {
            if (in.getHeader(name) instanceof Collection<?>) {
                return name;
            }
        }
        return null;
    }

    /** The refusal of a request that repeats a path parameter in its query string or form. */
    static Map<String, Object> repeated(Exchange exchange, String name) {
        return error(exchange, 400, "'" + name + "' is a path parameter; it cannot be given again as a query"
                + " parameter or form field");
    }

    /** The whole-number parameter, {@code fallback} when absent, null when it is not a number in min..max. */
    static Integer number(Message in, String name, int fallback, int min, int max) {
        String text = text(in, name);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n < min || n > max ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Sets the HTTP status and returns the body {@code {"error": reason}}. */
    static Map<String, Object> error(Exchange exchange, int status, String reason) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", reason);
        return out;
    }

    /** One page of a list: {@code {total, limit, offset, hasNext, items}}. */
    static Map<String, Object> page(long total, int limit, int offset, List<?> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("hasNext", offset + items.size() < total);
        out.put("items", items);
        return out;
    }
}
