package dev.tlswatch.probe.wire;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * Alert levels and descriptions, named as in RFC 8446 §6, with the descriptions that only
 * SSL 3.0 (RFC 6101 §5.4.2) and TLS 1.0 to 1.2 (RFC 5246 §7.2) define.
 */
enum AlertDescription {

	CLOSE_NOTIFY(0), UNEXPECTED_MESSAGE(10), BAD_RECORD_MAC(20), DECRYPTION_FAILED(21), RECORD_OVERFLOW(22),
	DECOMPRESSION_FAILURE(30), HANDSHAKE_FAILURE(40), NO_CERTIFICATE(41), BAD_CERTIFICATE(42),
	UNSUPPORTED_CERTIFICATE(43), CERTIFICATE_REVOKED(44), CERTIFICATE_EXPIRED(45), CERTIFICATE_UNKNOWN(46),
	ILLEGAL_PARAMETER(47), UNKNOWN_CA(48), ACCESS_DENIED(49), DECODE_ERROR(50), DECRYPT_ERROR(51),
	EXPORT_RESTRICTION(60), PROTOCOL_VERSION(70), INSUFFICIENT_SECURITY(71), INTERNAL_ERROR(80),
	INAPPROPRIATE_FALLBACK(86), USER_CANCELED(90), NO_RENEGOTIATION(100), MISSING_EXTENSION(109),
	UNSUPPORTED_EXTENSION(110), CERTIFICATE_UNOBTAINABLE(111), UNRECOGNIZED_NAME(112),
	BAD_CERTIFICATE_STATUS_RESPONSE(113), BAD_CERTIFICATE_HASH_VALUE(114), UNKNOWN_PSK_IDENTITY(115),
	CERTIFICATE_REQUIRED(116), NO_APPLICATION_PROTOCOL(120);

	/** AlertLevel warning, RFC 8446 §6. */
	static final int WARNING = 1;

	/** AlertLevel fatal, RFC 8446 §6. */
	static final int FATAL = 2;

	/** An alert is AlertLevel (1) + AlertDescription (1), RFC 8446 §6. */
	static final int LENGTH = 2;

	private final int code;

	AlertDescription(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

	/**
	 * An alert in words, as RFC 8446 names it: {@code fatal protocol_version (70)}.
	 * @param level the level
	 * @param description the description code
	 * @return the text
	 */
	static String describe(int level, int description) {
		String name = Stream.of(values())
			.filter((alert) -> alert.code == description)
			.map((alert) -> alert.name().toLowerCase(Locale.ROOT))
			.findFirst()
			.orElse("unknown");
		return levelName(level) + " " + name + " (" + description + ")";
	}

	private static String levelName(int level) {
		return switch (level) {
			case WARNING -> "warning";
			case FATAL -> "fatal";
			default -> "level " + level;
		};
	}

}
