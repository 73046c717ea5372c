package dev.tlswatch.probe.wire;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The server's first answer to a ClientHello, as far as it decides which version the
 * server accepts.
 */
sealed interface ServerResponse {

	/**
	 * A ServerHello.
	 *
	 * @param version the version the server chose: supported_versions if the ServerHello
	 * has it (RFC 8446 §4.2.1), else its legacy_version
	 * @param cipherSuite the cipher suite chosen
	 * @param group the group chosen: of the key_share (TLS 1.3); up to TLS 1.2, when the
	 * answer was read on to the ServerKeyExchange, the group its parameters name;
	 * {@code null} if there is none to tell
	 */
	record ServerHelloReceived(int version, int cipherSuite, @Nullable Integer group) implements ServerResponse {

	}

	/**
	 * A HelloRetryRequest (RFC 8446 §4.1.4): the server chose TLS 1.3 but wants another
	 * key share.
	 *
	 * @param group the group the server asks a share for, {@code null} if it asks for
	 * none (a cookie only)
	 * @param cipherSuite the cipher suite chosen
	 */
	record HelloRetryRequested(@Nullable Integer group, int cipherSuite) implements ServerResponse {

	}

	/**
	 * An alert (RFC 8446 §6).
	 *
	 * @param level its level, 1 warning or 2 fatal
	 * @param description its description code
	 */
	record AlertReceived(int level, int description) implements ServerResponse {

	}

	/**
	 * The connection ended before any answer.
	 *
	 * @param reset whether it was reset rather than closed
	 */
	record Closed(boolean reset) implements ServerResponse {

	}

	/**
	 * No answer within the time allowed.
	 */
	record TimedOut() implements ServerResponse {

	}

	/**
	 * An answer that is not TLS, is cut off, or breaks a rule of the protocol.
	 *
	 * @param reason what was wrong
	 */
	record Malformed(String reason) implements ServerResponse {

		public Malformed {
			Objects.requireNonNull(reason, "reason");
		}

	}

}
