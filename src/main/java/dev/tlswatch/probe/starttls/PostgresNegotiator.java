package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.tlswatch.probe.Deadline;

/**
 * PostgreSQL up to the TLS handshake: the client speaks first with an {@code SSLRequest},
 * the server answers with one byte, {@code S} to go on or {@code N} to refuse (PostgreSQL
 * documentation, "Frontend/Backend Protocol", §"SSL Session Encryption" and "Message
 * Formats").
 */
final class PostgresNegotiator {

	private static final String PROTOCOL = "PostgreSQL";

	// SSLRequest: Int32 length 8, Int32 code 80877103 (1234 in the high 16 bits, 5679 in
	// the low)
	private static final int SSL_REQUEST_LENGTH = 8;

	private static final int SSL_REQUEST_CODE = 80877103;

	private static final int WILLING = 'S';

	private static final int UNWILLING = 'N';

	// An old server answers an ErrorResponse: 'E', Int32 length, fields
	private static final int ERROR_RESPONSE = 'E';

	private static final int LENGTH_FIELD = 4;

	private static final int MAX_ERROR_LENGTH = 4096;

	// ErrorResponse fields: type byte, NUL-terminated text; 'M' is the message
	private static final byte MESSAGE_FIELD = 'M';

	private PostgresNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation postgres = new Conversation(socket, PROTOCOL, deadline);
		postgres.send(sslRequest());
		int answer = postgres.readByte();
		if (answer == WILLING) {
			return;
		}
		if (answer == UNWILLING) {
			throw postgres.failure("refused SSL", "N");
		}
		if (answer == ERROR_RESPONSE) {
			throw postgres.failure("answered SSLRequest with an error", errorMessage(postgres));
		}
		throw postgres.failure("answered SSLRequest out of protocol", Character.toString(answer));
	}

	static byte[] sslRequest() {
		return ByteBuffer.allocate(SSL_REQUEST_LENGTH).putInt(SSL_REQUEST_LENGTH).putInt(SSL_REQUEST_CODE).array();
	}

	/** The message field of an ErrorResponse whose type byte was read. */
	private static String errorMessage(Conversation postgres) throws IOException {
		int length = ByteBuffer.wrap(postgres.readBytes(LENGTH_FIELD)).getInt();
		if (length < LENGTH_FIELD || length > MAX_ERROR_LENGTH) {
			throw postgres.failure("answered SSLRequest with an error of " + length + " bytes", "E");
		}
		byte[] fields = postgres.readBytes(length - LENGTH_FIELD);
		for (int at = 0; at < fields.length && fields[at] != 0;) {
			int end = indexOf(fields, (byte) 0, at + 1);
			if (fields[at] == MESSAGE_FIELD) {
				return new String(fields, at + 1, end - at - 1, StandardCharsets.UTF_8);
			}
			at = end + 1;
		}
		return new String(fields, StandardCharsets.UTF_8);
	}

	private static int indexOf(byte[] bytes, byte value, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return bytes.length;
	}

}
