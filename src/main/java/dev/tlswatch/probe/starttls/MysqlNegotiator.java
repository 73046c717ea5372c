package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import dev.tlswatch.probe.Deadline;

/**
 * MySQL (and MariaDB) up to the TLS handshake, as the MySQL client/server protocol
 * documents it: the server speaks first with its Initial Handshake packet (protocol
 * version 10), which must carry the CLIENT_SSL capability; the client answers with an
 * SSLRequest packet (sequence id 1) and the TLS handshake follows at once. An ERR packet
 * instead of the handshake ("Host ... is not allowed to connect") is quoted.
 */
final class MysqlNegotiator {

	private static final String PROTOCOL = "MySQL";

	// Packet header: int<3> payload length (little-endian), int<1> sequence id
	private static final int HEADER_LENGTH = 4;

	/**
	 * The largest Initial Handshake or ERR packet read; real ones are under 200 bytes.
	 */
	static final int MAX_PACKET_LENGTH = 4096;

	private static final int PROTOCOL_VERSION_10 = 0x0a;

	private static final int ERR_PACKET = 0xff;

	// Capability flags
	private static final int CLIENT_LONG_PASSWORD = 0x0000_0001;

	private static final int CLIENT_PROTOCOL_41 = 0x0000_0200;

	private static final int CLIENT_SSL = 0x0000_0800;

	private static final int CLIENT_SECURE_CONNECTION = 0x0000_8000;

	// auth-plugin-data-part-1 (8 bytes) and the filler byte after the thread id
	private static final int THREAD_ID_LENGTH = 4;

	private static final int AUTH_DATA_PART_1_LENGTH = 8;

	// SSLRequest: int<4> capabilities, int<4> max packet size, int<1> character set,
	// 23 zero bytes
	private static final int SSL_REQUEST_LENGTH = 32;

	private static final int MAX_CLIENT_PACKET = 16 * 1024 * 1024;

	// utf8mb3_general_ci; any collation will do for a request that never logs in
	private static final int CHARACTER_SET = 33;

	private MysqlNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation mysql = new Conversation(socket, PROTOCOL, deadline);
		byte[] handshake = readPacket(mysql);
		requireSsl(mysql, handshake);
		mysql.send(sslRequest());
	}

	private static byte[] readPacket(Conversation mysql) throws IOException {
		ByteBuffer header = ByteBuffer.wrap(mysql.readBytes(HEADER_LENGTH)).order(ByteOrder.LITTLE_ENDIAN);
		int length = (header.getShort() & 0xffff) | ((header.get() & 0xff) << 16);
		if (length == 0 || length > MAX_PACKET_LENGTH) {
			throw mysql.failure("sent a first packet of " + length + " bytes", "");
		}
		return mysql.readBytes(length);
	}

	/**
	 * The Initial Handshake: protocol version, NUL-terminated server version, thread id,
	 * 8 bytes of scramble, a filler, the lower two bytes of the capability flags.
	 */
	private static void requireSsl(Conversation mysql, byte[] packet) throws IOException {
		int first = packet[0] & 0xff;
		if (first == ERR_PACKET) {
			throw mysql.failure("refused the connection", errorMessage(packet));
		}
		if (first != PROTOCOL_VERSION_10) {
			throw mysql.failure("answered with protocol version " + first + ", not 10", text(packet, 0));
		}
		int versionEnd = indexOfNul(packet, 1);
		String serverVersion = new String(packet, 1, Math.max(0, versionEnd - 1), StandardCharsets.US_ASCII);
		int flagsAt = versionEnd + 1 + THREAD_ID_LENGTH + AUTH_DATA_PART_1_LENGTH + 1;
		if (flagsAt + 2 > packet.length) {
			throw mysql.failure("sent a handshake cut short", serverVersion);
		}
		int capabilities = (packet[flagsAt] & 0xff) | ((packet[flagsAt + 1] & 0xff) << 8);
		if ((capabilities & CLIENT_SSL) == 0) {
			throw mysql.failure("does not offer SSL", serverVersion);
		}
	}

	/** ERR packet: 0xff, int<2> error code, then (with '#') a SQL state, the message. */
	private static String errorMessage(byte[] packet) {
		if (packet.length < 3) {
			return "ERR";
		}
		int code = (packet[1] & 0xff) | ((packet[2] & 0xff) << 8);
		int messageAt = (packet.length > 3 && packet[3] == '#') ? Math.min(packet.length, 9) : 3;
		return code + " " + text(packet, messageAt);
	}

	static byte[] sslRequest() {
		ByteBuffer packet = ByteBuffer.allocate(HEADER_LENGTH + SSL_REQUEST_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
		packet.putShort((short) SSL_REQUEST_LENGTH).put((byte) 0).put((byte) 1);
		packet.putInt(CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION);
		packet.putInt(MAX_CLIENT_PACKET);
		packet.put((byte) CHARACTER_SET);
		// 23 bytes of filler, already zero
		return packet.array();
	}

	private static int indexOfNul(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				return i;
			}
		}
		return bytes.length;
	}

	private static String text(byte[] bytes, int from) {
		return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
	}

}
