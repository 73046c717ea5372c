package dev.tlswatch.probe.wire;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Writes the integers and length-prefixed vectors of the TLS presentation language (RFC
 * 8446 §3): big-endian {@code uint8}, {@code uint16}, {@code uint24}, and vectors with
 * their length prefix. Refuses any value or vector that does not fit its field.
 */
final class TlsWriter {

	static final int MAX_UINT8 = 0xFF;

	static final int MAX_UINT16 = 0xFFFF;

	static final int MAX_UINT24 = 0xFF_FFFF;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	TlsWriter u8(int value) {
		checkRange(value, MAX_UINT8);
		this.bytes.write(value);
		return this;
	}

	TlsWriter u16(int value) {
		checkRange(value, MAX_UINT16);
		this.bytes.write(value >>> 8);
		this.bytes.write(value);
		return this;
	}

	TlsWriter u24(int value) {
		checkRange(value, MAX_UINT24);
		this.bytes.write(value >>> 16);
		this.bytes.write(value >>> 8);
		this.bytes.write(value);
		return this;
	}

	TlsWriter bytes(byte[] value) {
		this.bytes.writeBytes(value);
		return this;
	}

	/** A vector with a one-byte length prefix ({@code <0..2^8-1>}). */
	TlsWriter u8Prefixed(Consumer<TlsWriter> content) {
		byte[] vector = vector(content, MAX_UINT8);
		return u8(vector.length).bytes(vector);
	}

	/** A vector with a two-byte length prefix ({@code <0..2^16-1>}). */
	TlsWriter u16Prefixed(Consumer<TlsWriter> content) {
		byte[] vector = vector(content, MAX_UINT16);
		return u16(vector.length).bytes(vector);
	}

	/** A vector with a three-byte length prefix ({@code <0..2^24-1>}). */
	TlsWriter u24Prefixed(Consumer<TlsWriter> content) {
		byte[] vector = vector(content, MAX_UINT24);
		return u24(vector.length).bytes(vector);
	}

	int length() {
		return this.bytes.size();
	}

	byte[] toByteArray() {
		return this.bytes.toByteArray();
	}

	private static byte[] vector(Consumer<TlsWriter> content, int maxLength) {
		TlsWriter inner = new TlsWriter();
		content.accept(inner);
		if (inner.length() > maxLength) {
			throw new IllegalArgumentException(
					"Vector of " + inner.length() + " bytes exceeds its maximum of " + maxLength);
		}
		return inner.toByteArray();
	}

	private static void checkRange(int value, int max) {
		if (value < 0 || value > max) {
			throw new IllegalArgumentException("Value " + value + " does not fit in 0.." + max);
		}
	}

}
