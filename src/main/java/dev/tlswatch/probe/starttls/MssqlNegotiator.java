package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.HexFormat;

import dev.tlswatch.probe.Deadline;

/**
 * Microsoft SQL Server up to the TLS handshake, as MS-TDS describes it: the client sends
 * a PRELOGIN message (packet type 0x12) whose ENCRYPTION option asks for encryption
 * (ENCRYPT_ON), the server answers with its own PRELOGIN options in a tabular result
 * packet (0x04); unless it answers ENCRYPT_NOT_SUP, the TLS handshake follows, carried
 * inside PRELOGIN packets ({@link TdsSocket}). The answer is read whole and bounded
 * ({@value #MAX_RESPONSE_LENGTH} bytes); a server that says no is quoted.
 */
final class MssqlNegotiator {

	private static final String PROTOCOL = "TDS";

	/** The largest PRELOGIN answer read; real ones are under 100 bytes. */
	static final int MAX_RESPONSE_LENGTH = 4096;

	// PRELOGIN option tokens (MS-TDS §2.2.6.5)
	private static final int VERSION = 0x00;

	private static final int ENCRYPTION = 0x01;

	private static final int INSTOPT = 0x02;

	private static final int THREADID = 0x03;

	private static final int MARS = 0x04;

	private static final int TERMINATOR = 0xff;

	// Option table entry: token (1), offset (2, big-endian), length (2, big-endian)
	private static final int OPTION_ENTRY_LENGTH = 5;

	// ENCRYPTION values; the 0x80 bit asks for a client certificate
	private static final int ENCRYPT_OFF = 0x00;

	private static final int ENCRYPT_ON = 0x01;

	private static final int ENCRYPT_NOT_SUP = 0x02;

	private static final int ENCRYPT_REQ = 0x03;

	private static final int ENCRYPT_VALUE_MASK = 0x7f;

	private static final HexFormat HEX = HexFormat.of();

	private MssqlNegotiator() {
	}

	/**
	 * Run the PRELOGIN exchange.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the exchange must be over
	 * @return the connection to shake hands over: TLS records in TDS packets until the
	 * handshake is over
	 * @throws StartTlsException if the server does not agree to encrypt
	 * @throws IOException if the network fails or the deadline passes
	 */
	static TdsSocket negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation tds = new Conversation(socket, PROTOCOL, deadline);
		tds.send(TdsSocket.prelogin(preloginRequest(), 1));
		byte[] answer = readAnswer(tds);
		requireEncryption(tds, answer);
		return new TdsSocket(socket);
	}

	/**
	 * VERSION (6 bytes, zero: the client's version is informational), ENCRYPTION
	 * (ENCRYPT_ON), INSTOPT (the default instance: an empty string), THREADID (0), MARS
	 * (off), as a client that wants TLS sends them.
	 */
	static byte[] preloginRequest() {
		int[][] options = { { VERSION, 6 }, { ENCRYPTION, 1 }, { INSTOPT, 1 }, { THREADID, 4 }, { MARS, 1 } };
		int tableLength = options.length * OPTION_ENTRY_LENGTH + 1;
		int dataLength = 0;
		for (int[] option : options) {
			dataLength += option[1];
		}
		byte[] payload = new byte[tableLength + dataLength];
		int offset = tableLength;
		for (int i = 0; i < options.length; i++) {
			int at = i * OPTION_ENTRY_LENGTH;
			payload[at] = (byte) options[i][0];
			payload[at + 1] = (byte) (offset >>> 8);
			payload[at + 2] = (byte) offset;
			payload[at + 3] = (byte) (options[i][1] >>> 8);
			payload[at + 4] = (byte) options[i][1];
			if (options[i][0] == ENCRYPTION) {
				payload[offset] = (byte) ENCRYPT_ON;
			}
			offset += options[i][1];
		}
		payload[tableLength - 1] = (byte) TERMINATOR;
		return payload;
	}

	/**
	 * The server's PRELOGIN answer: tabular result packets up to the one marked end of
	 * message, their payloads joined.
	 */
	private static byte[] readAnswer(Conversation tds) throws IOException {
		byte[] answer = new byte[0];
		while (true) {
			byte[] header = tds.readBytes(TdsSocket.HEADER_LENGTH);
			int type = header[0] & 0xff;
			int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
			if (type != TdsSocket.TABULAR_RESULT) {
				throw tds.failure(String.format("answered PRELOGIN with a packet of type 0x%02x", type),
						HEX.formatHex(header));
			}
			if (length < TdsSocket.HEADER_LENGTH
					|| answer.length + length - TdsSocket.HEADER_LENGTH > MAX_RESPONSE_LENGTH) {
				throw tds.failure("sent a PRELOGIN answer of " + length + " bytes", HEX.formatHex(header));
			}
			byte[] payload = tds.readBytes(length - TdsSocket.HEADER_LENGTH);
			byte[] joined = new byte[answer.length + payload.length];
			System.arraycopy(answer, 0, joined, 0, answer.length);
			System.arraycopy(payload, 0, joined, answer.length, payload.length);
			answer = joined;
			if ((header[1] & TdsSocket.STATUS_EOM) != 0) {
				return answer;
			}
		}
	}

	private static void requireEncryption(Conversation tds, byte[] answer) throws IOException {
		int encryption = encryption(tds, answer);
		switch (encryption & ENCRYPT_VALUE_MASK) {
			case ENCRYPT_OFF, ENCRYPT_ON, ENCRYPT_REQ -> {
				// ENCRYPT_OFF still encrypts the login, so the handshake follows
			}
			case ENCRYPT_NOT_SUP -> throw tds.failure("does not support encryption", "ENCRYPT_NOT_SUP");
			default ->
				throw tds.failure("answered with an unknown ENCRYPTION value", String.format("0x%02x", encryption));
		}
	}

	/** The ENCRYPTION option's value, walking the bounded option table. */
	private static int encryption(Conversation tds, byte[] answer) throws IOException {
		for (int at = 0; at < answer.length; at += OPTION_ENTRY_LENGTH) {
			int token = answer[at] & 0xff;
			if (token == TERMINATOR) {
				break;
			}
			if (at + OPTION_ENTRY_LENGTH > answer.length) {
				throw tds.failure("sent a PRELOGIN option table cut short", HEX.formatHex(answer));
			}
			int offset = ((answer[at + 1] & 0xff) << 8) | (answer[at + 2] & 0xff);
			int length = ((answer[at + 3] & 0xff) << 8) | (answer[at + 4] & 0xff);
			if (token == ENCRYPTION) {
				if (length < 1 || offset >= answer.length) {
					throw tds.failure("sent an ENCRYPTION option outside its answer", HEX.formatHex(answer));
				}
				return answer[offset] & 0xff;
			}
		}
		throw tds.failure("sent no ENCRYPTION option", HEX.formatHex(answer));
	}

}
