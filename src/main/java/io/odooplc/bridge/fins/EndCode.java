package io.odooplc.bridge.fins;

import java.util.Map;

/**
 * The two end-code bytes of a FINS response (MRES, SRES), as Omron's W342 reference defines them.
 *
 * <p>Three bits are status flags, not part of the code: MRES bit 7 says a network relay error occurred on the way,
 * SRES bit 6 says the PLC has a non-fatal error, SRES bit 7 a fatal error. They are masked before the code is judged,
 * so a good read from a PLC that merely has a battery warning (0x0040) is a good read.
 */
public record EndCode(int mres, int sres) {

    private static final int RELAY_ERROR_BIT = 0x80;
    private static final int NON_FATAL_BIT = 0x40;
    private static final int FATAL_BIT = 0x80;

    /** Name and meaning of the main codes; a sub code refines it (see {@link #DETAILS}). */
    private static final Map<Integer, String> MAIN = Map.ofEntries(
            Map.entry(0x00, "normal completion"),
            Map.entry(0x01, "local node error"),
            Map.entry(0x02, "destination node error"),
            Map.entry(0x03, "communications controller error"),
            Map.entry(0x04, "not executable"),
            Map.entry(0x05, "routing error"),
            Map.entry(0x10, "command format error"),
            Map.entry(0x11, "parameter error"),
            Map.entry(0x20, "read not possible"),
            Map.entry(0x21, "write not possible"),
            Map.entry(0x22, "not executable in current mode"),
            Map.entry(0x23, "no such device"),
            Map.entry(0x24, "cannot start/stop"),
            Map.entry(0x25, "unit error"),
            Map.entry(0x26, "command error"),
            Map.entry(0x30, "access right error"),
            Map.entry(0x40, "abort"));

    private static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(0x0001, "service canceled"),
            Map.entry(0x0101, "local node not in network"),
            Map.entry(0x0102, "token timeout"),
            Map.entry(0x0103, "retries failed"),
            Map.entry(0x0104, "too many send frames"),
            Map.entry(0x0105, "node address range error"),
            Map.entry(0x0106, "node address duplication"),
            Map.entry(0x0201, "destination node not in network"),
            Map.entry(0x0202, "unit missing"),
            Map.entry(0x0203, "third node missing"),
            Map.entry(0x0204, "destination node busy"),
            Map.entry(0x0205, "response timeout"),
            Map.entry(0x0301, "communications controller error"),
            Map.entry(0x0302, "CPU unit error"),
            Map.entry(0x0303, "controller error"),
            Map.entry(0x0304, "unit number error"),
            Map.entry(0x0401, "undefined command"),
            Map.entry(0x0402, "not supported by model/version"),
            Map.entry(0x0501, "destination address setting error"),
            Map.entry(0x0502, "no routing tables"),
            Map.entry(0x0503, "routing table error"),
            Map.entry(0x0504, "too many relays"),
            Map.entry(0x1001, "command too long"),
            Map.entry(0x1002, "command too short"),
            Map.entry(0x1003, "elements/data don't match"),
            Map.entry(0x1004, "command format error"),
            Map.entry(0x1005, "header error"),
            Map.entry(0x1101, "area classification missing (no such memory area code)"),
            Map.entry(0x1102, "access size error"),
            Map.entry(0x1103, "address range error (start address out of range)"),
            Map.entry(0x1104, "address range exceeded (end address out of range)"),
            Map.entry(0x1106, "program missing"),
            Map.entry(0x1109, "relational error"),
            Map.entry(0x110A, "duplicate data access"),
            Map.entry(0x110B, "response too long"),
            Map.entry(0x110C, "parameter error"),
            Map.entry(0x2002, "protected"),
            Map.entry(0x2003, "table missing"),
            Map.entry(0x2004, "data missing"),
            Map.entry(0x2005, "program missing"),
            Map.entry(0x2006, "file missing"),
            Map.entry(0x2007, "data mismatch"),
            Map.entry(0x2101, "read-only area"),
            Map.entry(0x2102, "protected"),
            Map.entry(0x2103, "cannot register"),
            Map.entry(0x2105, "program missing"),
            Map.entry(0x2106, "file missing"),
            Map.entry(0x2107, "file name already exists"),
            Map.entry(0x2108, "cannot change"),
            Map.entry(0x2201, "not possible during execution"),
            Map.entry(0x2202, "not possible while running"),
            Map.entry(0x2203, "wrong PLC mode (program)"),
            Map.entry(0x2204, "wrong PLC mode (debug)"),
            Map.entry(0x2205, "wrong PLC mode (monitor)"),
            Map.entry(0x2206, "wrong PLC mode (run)"),
            Map.entry(0x2207, "specified node not polling node"),
            Map.entry(0x2208, "step cannot be executed"),
            Map.entry(0x2301, "file device missing"),
            Map.entry(0x2302, "memory missing"),
            Map.entry(0x2303, "clock missing"),
            Map.entry(0x2401, "table missing"),
            Map.entry(0x2502, "memory error"),
            Map.entry(0x2503, "I/O setting error"),
            Map.entry(0x2504, "too many I/O points"),
            Map.entry(0x2505, "CPU bus error"),
            Map.entry(0x2506, "I/O duplication"),
            Map.entry(0x2507, "I/O bus error"),
            Map.entry(0x2509, "SYSMAC BUS/2 error"),
            Map.entry(0x250A, "CPU bus unit error"),
            Map.entry(0x250D, "SYSMAC BUS number duplication"),
            Map.entry(0x250F, "memory error"),
            Map.entry(0x2510, "SYSMAC BUS terminator missing"),
            Map.entry(0x2601, "no protection"),
            Map.entry(0x2602, "incorrect password"),
            Map.entry(0x2604, "protected"),
            Map.entry(0x2605, "service already executing"),
            Map.entry(0x2606, "service stopped"),
            Map.entry(0x2607, "no execution right"),
            Map.entry(0x2608, "settings not complete"),
            Map.entry(0x2609, "necessary items not set"),
            Map.entry(0x260A, "number already defined"),
            Map.entry(0x260B, "error will not clear"),
            Map.entry(0x3001, "no access right"),
            Map.entry(0x4001, "service aborted"));

    public EndCode {
        if (mres < 0 || mres > 0xFF || sres < 0 || sres > 0xFF) {
            throw new IllegalArgumentException("end code bytes out of range: " + mres + ", " + sres);
        }
    }

    /** The main code with the relay-error flag masked off. */
    public int main() {
        return mres & ~RELAY_ERROR_BIT;
    }

    /** The sub code with the PLC fatal and non-fatal error flags masked off. */
    public int sub() {
        return sres & ~(NON_FATAL_BIT | FATAL_BIT);
    }

    /** The masked 16-bit code, e.g. 0x1103. */
    public int code() {
        return main() << 8 | sub();
    }

    public boolean isNormal() {
        return code() == 0;
    }

    public boolean relayError() {
        return (mres & RELAY_ERROR_BIT) != 0;
    }

    public boolean plcNonFatalError() {
        return (sres & NON_FATAL_BIT) != 0;
    }

    public boolean plcFatalError() {
        return (sres & FATAL_BIT) != 0;
    }

    /** Omron's name for the masked code, e.g. "parameter error: address range error (start address out of range)". */
    public String description() {
        String main = MAIN.getOrDefault(main(), "unknown main code");
        String detail = DETAILS.get(code());
        return detail == null || isNormal() ? main : main + ": " + detail;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("0x%04X %s", code(), description()));
        if (relayError()) {
            text.append(" [network relay error flag]");
        }
        if (plcFatalError()) {
            text.append(" [PLC fatal error flag]");
        }
        if (plcNonFatalError()) {
            text.append(" [PLC non-fatal error flag]");
        }
        return text.toString();
    }
}
