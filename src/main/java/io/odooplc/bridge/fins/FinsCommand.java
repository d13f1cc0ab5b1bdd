package io.odooplc.bridge.fins;

import java.nio.ByteBuffer;

/** A FINS command body: the command code (MRC, SRC) and its parameters, without the header. */
public sealed interface FinsCommand permits MemoryAreaRead, MemoryAreaWrite {

    int mrc();

    int src();

    /** Number of parameter bytes after MRC SRC. */
    int parameterLength();

    void encodeParameters(ByteBuffer out);

    /** Number of data bytes a normal response carries after its end code. */
    int responseDataLength();

    /** The whole frame: header, MRC, SRC, parameters. */
    default byte[] encode(FinsHeader header) {
        ByteBuffer out = ByteBuffer.allocate(FinsHeader.LENGTH + 2 + parameterLength());
        header.encode(out);
        out.put((byte) mrc()).put((byte) src());
        encodeParameters(out);
        return out.array();
    }
}
