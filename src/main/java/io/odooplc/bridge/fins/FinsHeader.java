package io.odooplc.bridge.fins;

import java.nio.ByteBuffer;

/**
 * The 10-byte FINS header: ICF RSV GCT DNA DA1 DA2 SNA SA1 SA2 SID.
 *
 * <p>ICF bit 7 is always set (gateway may be used); bit 6 is 0 in a command and 1 in a response; bit 0 is 0 when a
 * response is required. GCT is the number of bridges the frame may still cross (2 for a plain Ethernet network).
 */
public record FinsHeader(int icf, int gct, int dna, int da1, int da2, int sna, int sa1, int sa2, int sid) {

    public static final int LENGTH = 10;
    /** Command frame, response required, gateway allowed. */
    public static final int ICF_COMMAND = 0x80;
    private static final int ICF_RESPONSE_BIT = 0x40;
    private static final int DEFAULT_GATEWAY_COUNT = 0x02;

    public FinsHeader {
        for (int field : new int[] {icf, gct, dna, da1, da2, sna, sa1, sa2, sid}) {
            if (field < 0 || field > 0xFF) {
                throw new IllegalArgumentException("FINS header field out of byte range: " + field);
            }
        }
    }

    /** The header of a command from {@code nodes.client()} to {@code nodes.plc()}. */
    public static FinsHeader command(FinsNodes nodes, int sid) {
        return new FinsHeader(ICF_COMMAND, DEFAULT_GATEWAY_COUNT, nodes.network(), nodes.plcNode(), nodes.unit(),
                nodes.network(), nodes.clientNode(), 0, sid);
    }

    public boolean isResponse() {
        return (icf & ICF_RESPONSE_BIT) != 0;
    }

    public void encode(ByteBuffer out) {
        out.put((byte) icf).put((byte) 0).put((byte) gct)
                .put((byte) dna).put((byte) da1).put((byte) da2)
                .put((byte) sna).put((byte) sa1).put((byte) sa2)
                .put((byte) sid);
    }

    /** Reads 10 bytes; RSV is skipped because Omron defines it as always 0 and nothing depends on it. */
    public static FinsHeader decode(ByteBuffer in) {
        int icf = u8(in);
        in.get();
        return new FinsHeader(icf, u8(in), u8(in), u8(in), u8(in), u8(in), u8(in), u8(in), u8(in));
    }

    private static int u8(ByteBuffer in) {
        return in.get() & 0xFF;
    }
}
