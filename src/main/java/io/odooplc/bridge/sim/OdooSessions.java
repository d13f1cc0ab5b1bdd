package io.odooplc.bridge.sim;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Session ids handed out by the authenticate routes; a protected call is accepted only with one of them. */
final class OdooSessions {

    /** Odoo 14 session ids are 40 hex characters. */
    private static final int SESSION_ID_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    String open() {
        byte[] bytes = new byte[SESSION_ID_BYTES];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        live.add(id);
        return id;
    }

    /** True when any "Cookie" header carries a session_id this server issued and has not expired. */
    boolean acceptsCookies(List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return false;
        }
        for (String header : cookieHeaders) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals("session_id") && live.contains(pair[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    void expireAll() {
        live.clear();
    }

    int count() {
        return live.size();
    }
}
