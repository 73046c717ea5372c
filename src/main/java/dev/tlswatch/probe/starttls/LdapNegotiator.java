package dev.tlswatch.probe.starttls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.tlswatch.probe.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * LDAP up to the TLS handshake: the StartTLS extended operation (RFC 4511 §4.14.1, RFC
 * 4513 §3), sent as the connection's first message, and its ExtendedResponse (§4.12).
 */
final class LdapNegotiator {

	private static final String PROTOCOL = "LDAP";

	// RFC 4511 §4.14.1
	private static final String START_TLS_OID = "1.3.6.1.4.1.1466.20037";

	private static final int MESSAGE_ID = 1;

	// RFC 4511 §4.4.1: unsolicited notifications carry message ID 0
	private static final int UNSOLICITED_ID = 0;

	// X.690 §8.1.2 universal tags; RFC 4511 §4.12 and Appendix B application tags
	private static final int SEQUENCE = 0x30;

	private static final int INTEGER = 0x02;

	private static final int ENUMERATED = 0x0a;

	private static final int OCTET_STRING = 0x04;

	// [APPLICATION 23], constructed
	private static final int EXTENDED_REQUEST = 0x77;

	// [APPLICATION 24], constructed
	private static final int EXTENDED_RESPONSE = 0x78;

	// [0], primitive: ExtendedRequest.requestName
	private static final int REQUEST_NAME = 0x80;

	private static final int SHORT_LENGTH_MAX = 0x7f;

	// X.690 §8.1.3.5: the first octet and up to four octets of length
	private static final int MAX_LENGTH_FIELD = 1 + 4;

	// An ExtendedResponse to StartTLS carries a result and a short text
	private static final int MAX_MESSAGE_LENGTH = 16 * 1024;

	private static final int SUCCESS = 0;

	private LdapNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation ldap = new Conversation(socket, PROTOCOL, deadline);
		ldap.send(startTlsRequest());
		byte[] message = readMessage(ldap);
		requireSuccess(ldap, message);
	}

	/** LDAPMessage { messageID 1, ExtendedRequest { requestName StartTLS } }. */
	static byte[] startTlsRequest() {
		byte[] requestName = element(REQUEST_NAME, START_TLS_OID.getBytes(StandardCharsets.US_ASCII));
		byte[] messageId = element(INTEGER, new byte[] { MESSAGE_ID });
		return element(SEQUENCE, concat(messageId, element(EXTENDED_REQUEST, requestName)));
	}

	/** The contents of the server's first LDAPMessage, its length bounded. */
	private static byte[] readMessage(Conversation ldap) throws IOException {
		int tag = ldap.readByte();
		if (tag != SEQUENCE) {
			throw outOfProtocol(String.format("tag 0x%02x where an LDAPMessage (0x%02x) was expected", tag, SEQUENCE));
		}
		byte[] field = new byte[MAX_LENGTH_FIELD];
		field[0] = (byte) ldap.readByte();
		int octets = BerReader.lengthOctets(field[0] & 0xff);
		if (octets > MAX_LENGTH_FIELD) {
			throw outOfProtocol(String.format("unsupported length form 0x%02x", field[0] & 0xff));
		}
		for (int i = 1; i < octets; i++) {
			field[i] = (byte) ldap.readByte();
		}
		int length;
		try {
			length = BerReader.length(field, 0, octets);
		}
		catch (BerReader.MalformedException ex) {
			throw outOfProtocol(ex.getMessage());
		}
		if (length > MAX_MESSAGE_LENGTH) {
			throw outOfProtocol("a message of " + length + " bytes, more than " + MAX_MESSAGE_LENGTH);
		}
		return ldap.readBytes(length);
	}

	private static void requireSuccess(Conversation ldap, byte[] message) throws StartTlsException {
		ExtendedResponse response;
		try {
			response = ExtendedResponse.parse(message);
		}
		catch (BerReader.MalformedException ex) {
			throw outOfProtocol(ex.getMessage());
		}
		if (response.messageId() == UNSOLICITED_ID) {
			throw ldap.failure("disconnected with resultCode " + response.describeResult(), response.diagnostic());
		}
		if (response.messageId() != MESSAGE_ID) {
			throw ldap.failure("answered message " + response.messageId() + " instead of " + MESSAGE_ID,
					response.diagnostic());
		}
		if (response.resultCode() != SUCCESS) {
			throw ldap.failure("refused StartTLS with resultCode " + response.describeResult(), response.diagnostic());
		}
	}

	private static StartTlsException outOfProtocol(String detail) {
		return new StartTlsException(PROTOCOL + " server answered StartTLS outside the protocol: " + detail);
	}

	/** A short-form BER element; every element this class sends is shorter than 128. */
	private static byte[] element(int tag, byte[] value) {
		if (value.length > SHORT_LENGTH_MAX) {
			throw new IllegalArgumentException("Value too long for the short length form: " + value.length);
		}
		byte[] element = new byte[2 + value.length];
		element[0] = (byte) tag;
		element[1] = (byte) value.length;
		System.arraycopy(value, 0, element, 2, value.length);
		return element;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream(first.length + second.length);
		joined.writeBytes(first);
		joined.writeBytes(second);
		return joined.toByteArray();
	}

	/**
	 * The parts of an ExtendedResponse that decide the outcome (RFC 4511 §4.1.9, §4.12).
	 *
	 * @param messageId the message ID
	 * @param resultCode the LDAPResult code
	 * @param diagnostic the diagnosticMessage, possibly empty
	 */
	record ExtendedResponse(int messageId, int resultCode, String diagnostic) {

		/**
		 * Parse LDAPMessage contents: messageID, then an ExtendedResponse whose
		 * LDAPResult starts with resultCode, matchedDN, diagnosticMessage. Referral,
		 * response name and value, and controls may follow; they are not read.
		 */
		static ExtendedResponse parse(byte[] message) throws BerReader.MalformedException {
			BerReader contents = BerReader.of(message);
			int messageId = contents.integer(INTEGER);
			BerReader response = contents.constructed(EXTENDED_RESPONSE);
			int resultCode = response.integer(ENUMERATED);
			response.string(OCTET_STRING);
			String diagnostic = response.string(OCTET_STRING);
			return new ExtendedResponse(messageId, resultCode, diagnostic);
		}

		/** The code and, for those a StartTLS answer uses, its name (RFC 4511 §4.1.9). */
		String describeResult() {
			@Nullable String name = switch (this.resultCode) {
				case 1 -> "operationsError";
				case 2 -> "protocolError";
				case 12 -> "unavailableCriticalExtension";
				case 13 -> "confidentialityRequired";
				case 51 -> "busy";
				case 52 -> "unavailable";
				case 53 -> "unwillingToPerform";
				case 80 -> "other";
				default -> null;
			};
			return (name != null) ? this.resultCode + " (" + name + ")" : String.valueOf(this.resultCode);
		}

	}

}
