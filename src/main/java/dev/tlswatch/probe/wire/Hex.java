package dev.tlswatch.probe.wire;

import java.util.HexFormat;

/**
 * Codes without a name, written as the RFCs write them ({@code 0x0a0b}).
 */
final class Hex {

	private static final HexFormat format = HexFormat.of();

	private Hex() {
	}

	static String u8(int value) {
		return "0x" + format.toHexDigits((byte) value);
	}

	static String u16(int value) {
		return "0x" + format.toHexDigits((short) value);
	}

}
