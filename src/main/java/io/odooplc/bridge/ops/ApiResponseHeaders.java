package io.odooplc.bridge.ops;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The API answers with the headers the bridge means to send and nothing else. On platform-http every query
 * parameter and request header becomes a message header, and by default every message header goes back out as a
 * response header: {@code ?Set-Cookie=...} or {@code ?Access-Control-Allow-Origin=*} would be echoed to the
 * browser. Outbound only {@code Content-Type} passes; the status code travels separately. Inbound stays Camel's
 * default, so the APIs still read their parameters.
 */
public class ApiResponseHeaders extends HttpHeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !Exchange.CONTENT_TYPE.equalsIgnoreCase(headerName);
    }
}
