package io.odooplc.bridge.db;

/** The database cannot be reached; the run fails and the next one tries again. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
