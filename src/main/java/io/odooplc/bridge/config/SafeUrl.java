package io.odooplc.bridge.config;

import java.util.regex.Pattern;

/** A connection URL as logs and error messages may show it: user info and secret-looking parameters masked. */
public final class SafeUrl {

    private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile("((?:password|secret|token|key)[^=&]*=)[^&]*",
            Pattern.CASE_INSENSITIVE);

    private SafeUrl() {
    }

    public static String of(String url) {
        return SECRET_PARAM.matcher(USER_INFO.matcher(url).replaceAll("//***@")).replaceAll("$1***");
    }
}
