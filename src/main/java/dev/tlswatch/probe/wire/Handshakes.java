package dev.tlswatch.probe.wire;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The handshake layer: message types, the four-byte message header, and the fields
 * ClientHello and ServerHello share (RFC 8446 §4, RFC 5246 §7.4).
 */
final class Handshakes {

	/** HandshakeType (1) + uint24 length, RFC 8446 §4. */
	static final int HEADER_LENGTH = 4;

	/** HandshakeType client_hello, RFC 8446 §4. */
	static final int CLIENT_HELLO = 1;

	/**
	 * HandshakeType server_hello, RFC 8446 §4; also the type of a HelloRetryRequest (RFC
	 * 8446 §4.1.4).
	 */
	static final int SERVER_HELLO = 2;

	/** HandshakeType certificate, RFC 5246 §7.4. */
	static final int CERTIFICATE = 11;

	/** HandshakeType server_key_exchange, RFC 5246 §7.4. */
	static final int SERVER_KEY_EXCHANGE = 12;

	/** HandshakeType certificate_request, RFC 5246 §7.4. */
	static final int CERTIFICATE_REQUEST = 13;

	/** HandshakeType server_hello_done, RFC 5246 §7.4. */
	static final int SERVER_HELLO_DONE = 14;

	/** HandshakeType certificate_status, RFC 6066 §8. */
	static final int CERTIFICATE_STATUS = 22;

	/** Length of ClientHello.random and ServerHello.random, RFC 8446 §4.1.2. */
	static final int RANDOM_LENGTH = 32;

	/** legacy_session_id is {@code <0..32>}, RFC 8446 §4.1.2. */
	static final int MAX_SESSION_ID_LENGTH = 32;

	/** CompressionMethod null, RFC 5246 §7.4.1.2; the only one TLS 1.3 allows. */
	static final int NULL_COMPRESSION = 0;

	/** CompressionMethod DEFLATE, RFC 3749 §2. */
	static final int DEFLATE_COMPRESSION = 1;

	/**
	 * The ClientHello.legacy_version of a TLS 1.3 ClientHello: 0x0303, the version itself
	 * goes in supported_versions (RFC 8446 §4.1.2).
	 */
	static final int TLS_1_3_LEGACY_VERSION = 0x0303;

	/**
	 * SHA-256("HelloRetryRequest"): the Random of a HelloRetryRequest, RFC 8446 §4.1.3.
	 */
	private static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of()
		.parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

	private Handshakes() {
	}

	/**
	 * One handshake message.
	 * @param type the handshake type
	 * @param body the message body
	 * @return header and body
	 */
	static byte[] message(int type, byte[] body) {
		return new TlsWriter().u8(type).u24Prefixed((content) -> content.bytes(body)).toByteArray();
	}

	/**
	 * Whether a ServerHello is a HelloRetryRequest.
	 * @param random the ServerHello's random
	 * @return whether it is the HelloRetryRequest value
	 */
	static boolean isHelloRetryRequest(byte[] random) {
		return MessageDigest.isEqual(random, HELLO_RETRY_REQUEST_RANDOM);
	}

}
