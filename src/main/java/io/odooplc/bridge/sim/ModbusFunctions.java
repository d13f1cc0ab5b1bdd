package io.odooplc.bridge.sim;

/**
 * The three Modbus functions the bridge uses, answered from a {@link WordImage}: protocol address N is DM word N.
 * Works on PDUs (function code + data) only; the MBAP framing belongs to {@link ModbusTcpServer}.
 */
final class ModbusFunctions {

    static final int READ_HOLDING_REGISTERS = 0x03;
    static final int WRITE_SINGLE_REGISTER = 0x06;
    static final int WRITE_MULTIPLE_REGISTERS = 0x10;

    static final int ILLEGAL_FUNCTION = 0x01;
    static final int ILLEGAL_DATA_ADDRESS = 0x02;
    static final int ILLEGAL_DATA_VALUE = 0x03;

    /** Limits from the Modbus application protocol spec (V1.1b3, 6.3 and 6.12). */
    static final int MAX_READ_QUANTITY = 125;
    static final int MAX_WRITE_QUANTITY = 123;

    private final WordImage image;

    ModbusFunctions(WordImage image) {
        this.image = image;
    }

    /** Returns the response PDU for one request PDU: a normal response or an exception response. */
    byte[] answer(byte[] request) {
        int function = request[0] & 0xFF;
        return switch (function) {
            case READ_HOLDING_REGISTERS -> readHoldingRegisters(request);
            case WRITE_SINGLE_REGISTER -> writeSingleRegister(request);
            case WRITE_MULTIPLE_REGISTERS -> writeMultipleRegisters(request);
            default -> exception(function, ILLEGAL_FUNCTION);
        };
    }

    private byte[] readHoldingRegisters(byte[] request) {
        if (request.length != 5) {
            return exception(READ_HOLDING_REGISTERS, ILLEGAL_DATA_VALUE);
        }
        int address = uint16(request, 1);
        int quantity = uint16(request, 3);
        if (quantity < 1 || quantity > MAX_READ_QUANTITY) {
            return exception(READ_HOLDING_REGISTERS, ILLEGAL_DATA_VALUE);
        }
        if (!WordImage.contains(address, quantity)) {
            return exception(READ_HOLDING_REGISTERS, ILLEGAL_DATA_ADDRESS);
        }
        int[] words = image.read(address, quantity);
        byte[] response = new byte[2 + 2 * quantity];
        response[0] = READ_HOLDING_REGISTERS;
        response[1] = (byte) (2 * quantity);
        for (int i = 0; i < quantity; i++) {
            putUint16(response, 2 + 2 * i, words[i]);
        }
        return response;
    }

    private byte[] writeSingleRegister(byte[] request) {
        if (request.length != 5) {
            return exception(WRITE_SINGLE_REGISTER, ILLEGAL_DATA_VALUE);
        }
        int address = uint16(request, 1);
        if (!WordImage.contains(address, 1)) {
            return exception(WRITE_SINGLE_REGISTER, ILLEGAL_DATA_ADDRESS);
        }
        image.set(address, uint16(request, 3));
        return request.clone();
    }

    private byte[] writeMultipleRegisters(byte[] request) {
        if (request.length < 6) {
            return exception(WRITE_MULTIPLE_REGISTERS, ILLEGAL_DATA_VALUE);
        }
        int address = uint16(request, 1);
        int quantity = uint16(request, 3);
        int byteCount = request[5] & 0xFF;
        if (quantity < 1 || quantity > MAX_WRITE_QUANTITY
                || byteCount != 2 * quantity || request.length != 6 + byteCount) {
            return exception(WRITE_MULTIPLE_REGISTERS, ILLEGAL_DATA_VALUE);
        }
        if (!WordImage.contains(address, quantity)) {
            return exception(WRITE_MULTIPLE_REGISTERS, ILLEGAL_DATA_ADDRESS);
        }
        int[] words = new int[quantity];
        for (int i = 0; i < quantity; i++) {
            words[i] = uint16(request, 6 + 2 * i);
        }
        image.write(address, words);
        byte[] response = new byte[5];
        System.arraycopy(request, 0, response, 0, 5);
        return response;
    }

    private static byte[] exception(int function, int code) {
        return new byte[] {(byte) (function | 0x80), (byte) code};
    }

    static int uint16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    static void putUint16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }
}
