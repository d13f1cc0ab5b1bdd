package io.odooplc.bridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code DATABASE_URL} in any of the forms plants use: {@code postgresql://user:pw@host:5432/db}, the legacy
 * {@code postgresql+psycopg2://…}, or {@code jdbc:postgresql://host:5432/db?user=…&password=…}.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    static final String ALLOWED = "postgresql://user:password@host:5432/db, postgresql+psycopg2://... "
            + "or jdbc:postgresql://host:5432/db";

    public static DatabaseUrl parse(String variable, String value) {
        String v = value.strip();
        if (v.startsWith("jdbc:postgresql://")) {
            checkUri(variable, value, v.substring("jdbc:".length()));
            return new DatabaseUrl(v, null, null);
        }
        String rest;
        if (v.startsWith("postgresql+psycopg2://")) {
            rest = v.substring("postgresql+psycopg2://".length());
        } else if (v.startsWith("postgresql://") || v.startsWith("postgres://")) {
            rest = v.substring(v.indexOf("://") + 3);
        } else {
            throw new InvalidSettingException(variable, redact(value), ALLOWED);
        }
        URI uri = checkUri(variable, value, "postgresql://" + rest);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return new DatabaseUrl(jdbc, user, password);
    }

    private static URI checkUri(String variable, String original, String uriText) {
        try {
            URI uri = new URI(uriText);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new InvalidSettingException(variable, redact(original), ALLOWED + " (host and database name required)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(variable, redact(original), ALLOWED);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, for logs and error messages. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return redact(jdbcUrl) + (user != null ? " (user " + user + ")" : "");
    }
}
