package dev.tlswatch.probe.wire;

/**
 * The record layer: the five-byte header in front of every fragment (RFC 8446 §5.1, RFC
 * 5246 §6.2.1, RFC 6101 §5.2.1).
 */
final class TlsRecords {

	/** ContentType (1) + ProtocolVersion (2) + uint16 length, RFC 8446 §5.1. */
	static final int HEADER_LENGTH = 5;

	/** ContentType change_cipher_spec, RFC 8446 §5.1. */
	static final int CHANGE_CIPHER_SPEC = 20;

	/** ContentType alert, RFC 8446 §5.1. */
	static final int ALERT = 21;

	/** ContentType handshake, RFC 8446 §5.1. */
	static final int HANDSHAKE = 22;

	/** ContentType application_data, RFC 8446 §5.1. */
	static final int APPLICATION_DATA = 23;

	/** The major byte of every SSL 3.0 and TLS record version, RFC 6101 §5.2.1. */
	static final int VERSION_MAJOR = 3;

	/** The record version of an SSL 3.0 ClientHello, RFC 6101 §5.2.1. */
	static final int SSL_3_0_RECORD_VERSION = 0x0300;

	/**
	 * The record version of an initial TLS ClientHello, whatever version it offers: RFC
	 * 8446 §5.1 allows 0x0301 "for compatibility purposes", and servers of every TLS
	 * version accept it.
	 */
	static final int TLS_RECORD_VERSION = 0x0301;

	/** The largest plaintext fragment, 2^14 bytes, RFC 8446 §5.1. */
	static final int MAX_PLAINTEXT_LENGTH = 1 << 14;

	/**
	 * The largest fragment a record may announce: 2^14 + 2048 bytes, the TLSCiphertext
	 * bound of RFC 5246 §6.2.3. Anything longer is not TLS.
	 */
	static final int MAX_FRAGMENT_LENGTH = MAX_PLAINTEXT_LENGTH + 2048;

	private TlsRecords() {
	}

	/**
	 * One plaintext record.
	 * @param contentType the content type
	 * @param version the record version
	 * @param fragment the content, at most {@value #MAX_PLAINTEXT_LENGTH} bytes
	 * @return header and fragment
	 */
	static byte[] record(int contentType, int version, byte[] fragment) {
		if (fragment.length > MAX_PLAINTEXT_LENGTH) {
			throw new IllegalArgumentException(
					"A fragment of " + fragment.length + " bytes needs more than one record");
		}
		return new TlsWriter().u8(contentType).u16(version).u16(fragment.length).bytes(fragment).toByteArray();
	}

}
