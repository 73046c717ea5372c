package dev.tlswatch.probe.wire;

import java.util.Arrays;

/**
 * Reads the integers and length-prefixed vectors of the TLS presentation language (RFC
 * 8446 §3) from a byte array. Every length is checked against what remains before it is
 * used; reading past the end is a {@link MalformedMessageException}, never an allocation
 * or an index error.
 */
final class TlsReader {

	private final byte[] data;

	private final int end;

	private int position;

	/**
	 * Read all of an array.
	 * @param data the bytes; not copied, so not to be changed while reading
	 */
	TlsReader(byte[] data) {
		this(data, 0, data.length);
	}

	private TlsReader(byte[] data, int start, int end) {
		this.data = data;
		this.position = start;
		this.end = end;
	}

	int remaining() {
		return this.end - this.position;
	}

	int u8() throws MalformedMessageException {
		require(1, "uint8");
		return this.data[this.position++] & 0xFF;
	}

	int u16() throws MalformedMessageException {
		require(2, "uint16");
		int value = ((this.data[this.position] & 0xFF) << 8) | (this.data[this.position + 1] & 0xFF);
		this.position += 2;
		return value;
	}

	int u24() throws MalformedMessageException {
		require(3, "uint24");
		int value = ((this.data[this.position] & 0xFF) << 16) | ((this.data[this.position + 1] & 0xFF) << 8)
				| (this.data[this.position + 2] & 0xFF);
		this.position += 3;
		return value;
	}

	/**
	 * The next bytes, copied.
	 * @param length how many
	 * @param what the field's name, for the error
	 * @return the bytes
	 * @throws MalformedMessageException if fewer remain
	 */
	byte[] bytes(int length, String what) throws MalformedMessageException {
		require(length, what);
		byte[] value = Arrays.copyOfRange(this.data, this.position, this.position + length);
		this.position += length;
		return value;
	}

	/**
	 * A vector with a one-byte length prefix, as a reader of its content.
	 * @param what the vector's name, for the error
	 * @return a reader of exactly the vector's content
	 * @throws MalformedMessageException if the length exceeds what remains
	 */
	TlsReader u8Prefixed(String what) throws MalformedMessageException {
		return sub(u8(), what);
	}

	/**
	 * A vector with a two-byte length prefix, as a reader of its content.
	 * @param what the vector's name, for the error
	 * @return a reader of exactly the vector's content
	 * @throws MalformedMessageException if the length exceeds what remains
	 */
	TlsReader u16Prefixed(String what) throws MalformedMessageException {
		return sub(u16(), what);
	}

	/**
	 * A vector with a three-byte length prefix, as a reader of its content.
	 * @param what the vector's name, for the error
	 * @return a reader of exactly the vector's content
	 * @throws MalformedMessageException if the length exceeds what remains
	 */
	TlsReader u24Prefixed(String what) throws MalformedMessageException {
		return sub(u24(), what);
	}

	/**
	 * Require that everything was read.
	 * @param what the structure read, for the error
	 * @throws MalformedMessageException if bytes are left
	 */
	void expectEnd(String what) throws MalformedMessageException {
		if (remaining() != 0) {
			throw new MalformedMessageException(remaining() + " unexpected bytes after the " + what);
		}
	}

	private TlsReader sub(int length, String what) throws MalformedMessageException {
		require(length, what);
		TlsReader vector = new TlsReader(this.data, this.position, this.position + length);
		this.position += length;
		return vector;
	}

	private void require(int length, String what) throws MalformedMessageException {
		if (length > remaining()) {
			throw new MalformedMessageException(
					what + " needs " + length + " bytes but only " + remaining() + " remain");
		}
	}

}
