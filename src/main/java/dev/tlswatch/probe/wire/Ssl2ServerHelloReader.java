package dev.tlswatch.probe.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.VersionVerdict;

/**
 * Reads a server's first answer to an SSL 2.0 CLIENT-HELLO: one record with a two-byte
 * header, at most {@value #MAX_RECORD_LENGTH} bytes, and in it a SERVER-HELLO or an
 * ERROR. A TLS alert or handshake record, an SSL 2.0 ERROR or a close is a refusal; an
 * answer that is neither TLS nor SSL 2.0, or an SSL 2.0 record that is cut short or whose
 * lengths do not add up, is an error (not known). Every length is checked against what
 * arrived before it is used; nothing throws.
 */
final class Ssl2ServerHelloReader {

	/** The largest record a two-byte header can announce (15 bits). */
	static final int MAX_RECORD_LENGTH = 0x7FFF;

	/** MSG-ERROR. */
	static final int MSG_ERROR = 0;

	/** MSG-SERVER-HELLO. */
	static final int MSG_SERVER_HELLO = 4;

	// CONNECTION-ID is 16 to 32 bytes (SSL 2.0 draft, "SERVER-HELLO")
	private static final int MIN_CONNECTION_ID_LENGTH = 16;

	private static final int MAX_CONNECTION_ID_LENGTH = 32;

	private static final int CIPHER_KIND_LENGTH = 3;

	// TLS content types that may start an answer (RFC 8446 §5.1)
	private static final int TLS_ALERT = 21;

	private static final int TLS_HANDSHAKE = 22;

	private Ssl2ServerHelloReader() {
	}

	/**
	 * Read the answer.
	 * @param input the connection's input, every read bounded by a deadline
	 * @return what it showed
	 */
	static Ssl2Support read(InputStream input) {
		try {
			byte[] header = input.readNBytes(2);
			if (header.length == 0) {
				return refused("Connection closed without an answer");
			}
			int first = header[0] & 0xFF;
			if (first == TLS_ALERT || first == TLS_HANDSHAKE) {
				return refused(
						(first == TLS_ALERT) ? "Answered with a TLS alert" : "Answered with a TLS handshake record");
			}
			if ((first & 0x80) == 0) {
				return malformed("Answer is neither SSL 2.0 nor TLS (first byte " + Hex.u8(first) + ")");
			}
			if (header.length < 2) {
				return malformed("SSL 2.0 record header cut short");
			}
			int length = ((first & 0x7F) << 8) | (header[1] & 0xFF);
			byte[] body = input.readNBytes(length);
			if (body.length < length) {
				return malformed("SSL 2.0 record cut short: " + body.length + " of " + length + " bytes");
			}
			return message(body);
		}
		catch (SocketTimeoutException ex) {
			return new Ssl2Support(VersionVerdict.TIMEOUT, List.of(), "No answer within the handshake timeout");
		}
		catch (SocketException ex) {
			// A reset: the usual way for a TLS-only server to turn away what it does not
			// understand
			return refused("Connection reset without an answer");
		}
		catch (IOException ex) {
			return new Ssl2Support(VersionVerdict.ERROR, List.of(),
					"Reading the answer failed: " + WireConnection.describe(ex));
		}
	}

	private static Ssl2Support message(byte[] body) {
		TlsReader reader = new TlsReader(body);
		try {
			int type = reader.u8();
			return switch (type) {
				case MSG_SERVER_HELLO -> serverHello(reader);
				case MSG_ERROR -> refused("SSL 2.0 ERROR " + errorName(reader.u16()));
				default -> malformed("Expected an SSL 2.0 SERVER-HELLO, got message type " + type);
			};
		}
		catch (MalformedMessageException ex) {
			return malformed("Malformed SSL 2.0 SERVER-HELLO: " + ex.getMessage());
		}
	}

	/**
	 * SESSION-ID-HIT, CERTIFICATE-TYPE, SERVER-VERSION, the three lengths, then the
	 * certificate, the cipher specs and the connection id, exactly filling the record.
	 */
	private static Ssl2Support serverHello(TlsReader reader) throws MalformedMessageException {
		int sessionIdHit = reader.u8();
		reader.u8(); // certificate type
		int version = reader.u16();
		int certificateLength = reader.u16();
		int cipherSpecsLength = reader.u16();
		int connectionIdLength = reader.u16();
		if (sessionIdHit > 1) {
			return malformed("SESSION-ID-HIT is " + sessionIdHit + ", not 0 or 1");
		}
		if (version != Ssl2Probe.SSL2_VERSION) {
			return malformed("SERVER-HELLO for version " + Hex.u16(version) + ", not SSL 2.0");
		}
		if (cipherSpecsLength % CIPHER_KIND_LENGTH != 0) {
			return malformed("Cipher specs of " + cipherSpecsLength + " bytes, not a multiple of 3");
		}
		if (connectionIdLength < MIN_CONNECTION_ID_LENGTH || connectionIdLength > MAX_CONNECTION_ID_LENGTH) {
			return malformed("Connection id of " + connectionIdLength + " bytes, not 16 to 32");
		}
		reader.bytes(certificateLength, "certificate");
		List<String> kinds = cipherKinds(reader.bytes(cipherSpecsLength, "cipher specs"));
		reader.bytes(connectionIdLength, "connection id");
		reader.expectEnd("SERVER-HELLO");
		return new Ssl2Support(VersionVerdict.ACCEPTED, kinds, kinds.isEmpty() ? "SERVER-HELLO without any cipher kind"
				: "SERVER-HELLO with " + kinds.size() + " cipher kind" + ((kinds.size() == 1) ? "" : "s"));
	}

	private static List<String> cipherKinds(byte[] specs) {
		Set<String> kinds = new LinkedHashSet<>();
		for (int i = 0; i + CIPHER_KIND_LENGTH <= specs.length; i += CIPHER_KIND_LENGTH) {
			int code = ((specs[i] & 0xFF) << 16) | ((specs[i + 1] & 0xFF) << 8) | (specs[i + 2] & 0xFF);
			kinds.add(Ssl2Probe.cipherKindName(code));
		}
		return new ArrayList<>(kinds);
	}

	// SSL 2.0 draft, "Error Messages"
	private static String errorName(int code) {
		return switch (code) {
			case 0x0001 -> "NO-CIPHER-ERROR";
			case 0x0002 -> "NO-CERTIFICATE-ERROR";
			case 0x0004 -> "BAD-CERTIFICATE-ERROR";
			case 0x0006 -> "UNSUPPORTED-CERTIFICATE-TYPE-ERROR";
			default -> Hex.u16(code);
		};
	}

	private static Ssl2Support refused(String detail) {
		return new Ssl2Support(VersionVerdict.REJECTED, List.of(), detail);
	}

	private static Ssl2Support malformed(String detail) {
		return new Ssl2Support(VersionVerdict.ERROR, List.of(), detail);
	}

}
