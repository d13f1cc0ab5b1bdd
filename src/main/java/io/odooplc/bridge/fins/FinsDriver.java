package io.odooplc.bridge.fins;

import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcDriver;
import org.apache.plc4x.java.api.authentication.PlcAuthentication;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.model.PlcTag;

/**
 * PLC4X driver for Omron FINS over UDP and TCP, protocol code {@code fins}, found by {@code DefaultPlcDriverManager}
 * through {@code META-INF/services/org.apache.plc4x.java.api.PlcDriver}. Connection strings and their options are
 * described in {@link FinsConfiguration}; tag syntax in {@link FinsTag}.
 */
public final class FinsDriver implements PlcDriver {

    @Override
    public String getProtocolCode() {
        return "fins";
    }

    @Override
    public String getProtocolName() {
        return "Omron FINS (UDP/TCP)";
    }

    @Override
    public PlcConnection getConnection(String url) throws PlcConnectionException {
        return new FinsConnection(FinsConfiguration.parse(url));
    }

    /** FINS has no authentication; the credentials are not used. */
    @Override
    public PlcConnection getConnection(String url, PlcAuthentication authentication) throws PlcConnectionException {
        return getConnection(url);
    }

    @Override
    public PlcTag prepareTag(String address) {
        return FinsTag.parse(address);
    }
}
