package dev.tlswatch.probe.starttls;

import java.nio.charset.StandardCharsets;

/**
 * Reads the BER elements of one LDAP message already in memory (X.690 §8.1: tag, length,
 * value; LDAP allows only the definite length form, RFC 4511 §5.1). Every length is
 * checked against what remains before it is used.
 */
final class BerReader {

	// X.690 §8.1.3.5: 0x80 | number of length octets; LDAP lengths fit in four
	private static final int LONG_FORM = 0x80;

	private static final int MAX_LENGTH_OCTETS = 4;

	// An INTEGER or ENUMERATED that fits in an int
	private static final int MAX_INTEGER_OCTETS = 4;

	private final byte[] bytes;

	private final int limit;

	private int position;

	private BerReader(byte[] bytes, int position, int limit) {
		this.bytes = bytes;
		this.position = position;
		this.limit = limit;
	}

	/**
	 * A reader over the contents of an element.
	 * @param contents the bytes
	 * @return the reader
	 */
	static BerReader of(byte[] contents) {
		return new BerReader(contents, 0, contents.length);
	}

	/**
	 * Whether another element follows.
	 * @return whether bytes remain
	 */
	boolean hasMore() {
		return this.position < this.limit;
	}

	/**
	 * The tag of the next element, without reading it.
	 * @return the tag octet
	 * @throws MalformedException if nothing remains
	 */
	int peekTag() throws MalformedException {
		if (!hasMore()) {
			throw new MalformedException("element missing");
		}
		return this.bytes[this.position] & 0xff;
	}

	/**
	 * Read a constructed element and return a reader over its contents.
	 * @param tag the expected tag
	 * @return the reader
	 * @throws MalformedException if the tag differs or the length overruns
	 */
	BerReader constructed(int tag) throws MalformedException {
		int length = header(tag);
		BerReader contents = new BerReader(this.bytes, this.position, this.position + length);
		this.position += length;
		return contents;
	}

	/**
	 * Read an INTEGER or ENUMERATED of at most four octets.
	 * @param tag the expected tag
	 * @return the value
	 * @throws MalformedException if the tag differs or the value is empty or too long
	 */
	int integer(int tag) throws MalformedException {
		int length = header(tag);
		if (length < 1 || length > MAX_INTEGER_OCTETS) {
			throw new MalformedException("integer of " + length + " octets");
		}
		// X.690 §8.3: two's complement, big-endian
		int value = this.bytes[this.position];
		for (int i = 1; i < length; i++) {
			value = (value << 8) | (this.bytes[this.position + i] & 0xff);
		}
		this.position += length;
		return value;
	}

	/**
	 * Read an OCTET STRING as UTF-8 text (LDAPString, RFC 4511 §4.1.2).
	 * @param tag the expected tag
	 * @return the text
	 * @throws MalformedException if the tag differs or the length overruns
	 */
	String string(int tag) throws MalformedException {
		int length = header(tag);
		String text = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
		this.position += length;
		return text;
	}

	/** Reads tag and length; returns the length, checked against what remains. */
	private int header(int tag) throws MalformedException {
		int found = peekTag();
		if (found != tag) {
			throw new MalformedException(String.format("tag 0x%02x where 0x%02x was expected", found, tag));
		}
		this.position++;
		int length = length(this.bytes, this.position, this.limit);
		this.position += lengthOctets(this.bytes[this.position] & 0xff);
		if (length > this.limit - this.position) {
			throw new MalformedException(
					"length " + length + " beyond the " + (this.limit - this.position) + " bytes that remain");
		}
		return length;
	}

	/**
	 * Decode a definite length.
	 * @param bytes where it is
	 * @param at its first octet
	 * @param limit the end of the bytes
	 * @return the length, at most {@link Integer#MAX_VALUE}
	 * @throws MalformedException if it is indefinite, longer than four octets, or cut off
	 */
	static int length(byte[] bytes, int at, int limit) throws MalformedException {
		if (at >= limit) {
			throw new MalformedException("length missing");
		}
		int first = bytes[at] & 0xff;
		if (first < LONG_FORM) {
			return first;
		}
		int octets = lengthOctets(first) - 1;
		if (octets == 0 || octets > MAX_LENGTH_OCTETS) {
			throw new MalformedException(String.format("unsupported length form 0x%02x", first));
		}
		if (octets > limit - at - 1) {
			throw new MalformedException("length cut off");
		}
		long length = 0;
		for (int i = 1; i <= octets; i++) {
			length = (length << 8) | (bytes[at + i] & 0xff);
		}
		if (length > Integer.MAX_VALUE) {
			throw new MalformedException("length " + length + " too large");
		}
		return (int) length;
	}

	/**
	 * How many octets a length takes, from its first octet.
	 * @param first the first octet
	 * @return one for the short form, otherwise one plus the number of length octets
	 */
	static int lengthOctets(int first) {
		return (first < LONG_FORM) ? 1 : 1 + (first & ~LONG_FORM);
	}

	/**
	 * The bytes do not form the expected BER element.
	 */
	static final class MalformedException extends Exception {

		private static final long serialVersionUID = 1L;

		MalformedException(String message) {
			super(message);
		}

	}

}
