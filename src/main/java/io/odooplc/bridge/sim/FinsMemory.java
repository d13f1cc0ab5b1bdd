package io.odooplc.bridge.sim;

import java.nio.ByteBuffer;

/**
 * The FINS command side of the simulated PLC: Memory Area Read (0101) and Write (0102) on the DM, CIO, WR, HR and AR
 * areas, word and bit access, answered with the end codes a CJ CPU gives for bad requests. DM is the simulator's
 * shared {@link WordImage}; the other areas are small images of their own.
 *
 * <p>Written from Omron's W342 frame layout independently of the bridge's driver, which is tested against it.
 */
final class FinsMemory {

    static final int END_NORMAL = 0x0000;
    static final int END_COMMAND_TOO_SHORT = 0x1002;
    static final int END_ELEMENTS_DATA_MISMATCH = 0x1003;
    static final int END_UNDEFINED_COMMAND = 0x0401;
    static final int END_NO_SUCH_AREA = 0x1101;
    static final int END_START_OUT_OF_RANGE = 0x1103;
    static final int END_END_OUT_OF_RANGE = 0x1104;
    static final int END_RESPONSE_TOO_LONG = 0x110B;

    private static final int HEADER = 10;
    private static final int MAX_READ_WORDS = 999;

    private record Area(WordImage image, int words) {
    }

    private final Area dm;
    private final Area cio = new Area(new WordImage(), 6144);
    private final Area wr = new Area(new WordImage(), 512);
    private final Area hr = new Area(new WordImage(), 1536);
    private final Area ar = new Area(new WordImage(), 960);

    FinsMemory(WordImage dmImage) {
        this.dm = new Area(dmImage, WordImage.SIZE);
    }

    /** The image behind an area prefix (D, CIO, W, H, A), for tests that set or check words. */
    WordImage image(String prefix) {
        return switch (prefix) {
            case "D" -> dm.image();
            case "CIO" -> cio.image();
            case "W" -> wr.image();
            case "H" -> hr.image();
            case "A" -> ar.image();
            default -> throw new IllegalArgumentException("no area " + prefix);
        };
    }

    /**
     * The response to one command frame, or null when the bytes are not a command (too short for a header and a
     * command code, or a response).
     */
    byte[] answer(byte[] command, boolean nonFatalError) {
        if (command.length < HEADER + 2 || (command[0] & 0x40) != 0) {
            return null;
        }
        int mrc = command[HEADER] & 0xFF;
        int src = command[HEADER + 1] & 0xFF;
        ByteBuffer params = ByteBuffer.wrap(command, HEADER + 2, command.length - HEADER - 2).slice();
        Result result;
        try {
            if (mrc == 0x01 && src == 0x01) {
                result = read(params);
            } else if (mrc == 0x01 && src == 0x02) {
                result = write(params);
            } else {
                result = Result.error(END_UNDEFINED_COMMAND);
            }
        } catch (Refused refused) {
            result = Result.error(refused.endCode);
        }
        int sres = result.endCode & 0xFF | (nonFatalError ? 0x40 : 0);
        return ByteBuffer.allocate(HEADER + 4 + result.data.length)
                .put((byte) 0xC0).put((byte) 0).put((byte) 0x02)
                .put(command[6]).put(command[7]).put(command[8])
                .put(command[3]).put(command[4]).put(command[5])
                .put(command[9])
                .put((byte) mrc).put((byte) src)
                .put((byte) (result.endCode >> 8)).put((byte) sres)
                .put(result.data)
                .array();
    }

    private record Result(int endCode, byte[] data) {
        static Result error(int endCode) {
            return new Result(endCode, new byte[0]);
        }
    }

    /** The memory-area address both commands start with: area code, word, bit and element count. */
    private record Target(int code, Area area, int address, int bit, int count) {
        boolean bits() {
            return isBitCode(code);
        }
    }

    /** A command the PLC answers with an error end code instead of data. */
    private static final class Refused extends Exception {
        private final int endCode;

        Refused(int endCode) {
            super(null, null, false, false);
            this.endCode = endCode;
        }
    }

    private Target target(ByteBuffer params) throws Refused {
        if (params.remaining() < 6) {
            throw new Refused(END_COMMAND_TOO_SHORT);
        }
        int code = params.get() & 0xFF;
        int address = params.getShort() & 0xFFFF;
        int bit = params.get() & 0xFF;
        int count = params.getShort() & 0xFFFF;
        Area area = area(code);
        if (area == null) {
            throw new Refused(END_NO_SUCH_AREA);
        }
        return new Target(code, area, address, bit, count);
    }

    private Result read(ByteBuffer params) throws Refused {
        Target t = target(params);
        if (t.bits()) {
            int check = checkBits(t.area(), t.address(), t.bit(), t.count());
            if (check != END_NORMAL) {
                return Result.error(check);
            }
            byte[] data = new byte[t.count()];
            for (int i = 0; i < t.count(); i++) {
                int absolute = t.address() * 16 + t.bit() + i;
                data[i] = (byte) (t.area().image().get(absolute / 16) >> (absolute % 16) & 1);
            }
            return new Result(END_NORMAL, data);
        }
        if (t.count() > MAX_READ_WORDS) {
            return Result.error(END_RESPONSE_TOO_LONG);
        }
        int check = checkWords(t.area(), t.address(), t.bit(), t.count());
        if (check != END_NORMAL) {
            return Result.error(check);
        }
        ByteBuffer data = ByteBuffer.allocate(t.count() * 2);
        for (int word : t.area().image().read(t.address(), t.count())) {
            data.putShort((short) word);
        }
        return new Result(END_NORMAL, data.array());
    }

    private Result write(ByteBuffer params) throws Refused {
        Target t = target(params);
        if (params.remaining() != (t.bits() ? t.count() : t.count() * 2)) {
            return Result.error(END_ELEMENTS_DATA_MISMATCH);
        }
        int check = t.bits() ? checkBits(t.area(), t.address(), t.bit(), t.count())
                : checkWords(t.area(), t.address(), t.bit(), t.count());
        if (check != END_NORMAL) {
            return Result.error(check);
        }
        if (t.bits()) {
            writeBits(t.area().image(), t.address() * 16 + t.bit(), params);
        } else {
            int[] words = new int[t.count()];
            for (int i = 0; i < t.count(); i++) {
                words[i] = params.getShort() & 0xFFFF;
            }
            t.area().image().write(t.address(), words);
        }
        return new Result(END_NORMAL, new byte[0]);
    }

    private static void writeBits(WordImage image, int firstBit, ByteBuffer values) {
        synchronized (image) {
            for (int i = 0; values.hasRemaining(); i++) {
                int absolute = firstBit + i;
                int mask = 1 << (absolute % 16);
                int word = image.get(absolute / 16);
                image.set(absolute / 16, values.get() != 0 ? word | mask : word & ~mask);
            }
        }
    }

    private static int checkWords(Area area, int address, int bit, int count) {
        if (address >= area.words() || bit != 0) {
            return END_START_OUT_OF_RANGE;
        }
        return address + count > area.words() ? END_END_OUT_OF_RANGE : END_NORMAL;
    }

    private static int checkBits(Area area, int address, int bit, int count) {
        if (address >= area.words() || bit > 15) {
            return END_START_OUT_OF_RANGE;
        }
        return address * 16 + bit + count > area.words() * 16 ? END_END_OUT_OF_RANGE : END_NORMAL;
    }

    private static boolean isBitCode(int code) {
        return (code & 0x80) == 0;
    }

    private Area area(int code) {
        return switch (code) {
            case 0x82, 0x02 -> dm;
            case 0xB0, 0x30 -> cio;
            case 0xB1, 0x31 -> wr;
            case 0xB2, 0x32 -> hr;
            case 0xB3, 0x33 -> ar;
            default -> null;
        };
    }
}
