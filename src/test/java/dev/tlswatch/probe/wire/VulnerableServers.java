package dev.tlswatch.probe.wire;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.HexFormat;

import dev.tlswatch.probe.wire.ClientHelloBuilderTests.Hello;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer.ConnectionHandler;

import static dev.tlswatch.probe.wire.WireProbeFixture.readRecord;

/**
 * Scripted TLS 1.2 servers that answer a vulnerability check the way a vulnerable server,
 * or a fixed one, does: they send a real flight (ServerHello, an RSA certificate,
 * ServerKeyExchange for DHE, ServerHelloDone) and then script their answer to what the
 * check sends. No JDK server is vulnerable to these flaws.
 */
final class VulnerableServers {

	static final int TLS_1_2 = 0x0303;

	/** TLS_RSA_WITH_AES_128_CBC_SHA. */
	static final int RSA_SUITE = 0x002F;

	/** TLS_DHE_RSA_WITH_AES_128_GCM_SHA256. */
	static final int DHE_SUITE = 0x009E;

	static final Issued CERTIFICATE = TestCertificates.localhost(TestCertificates.rootCa("Vulnerable Test CA"));

	private static final HexFormat hex = HexFormat.of();

	private VulnerableServers() {
	}

	/**
	 * A server that offers heartbeats.
	 * @param bleeding whether it answers an over-long heartbeat with its memory
	 * @return the handler
	 */
	static ConnectionHandler heartbeat(boolean bleeding) {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			send(socket, flight(RSA_SUITE, "000f000101", null));
			for (int i = 0; i < 2; i++) {
				byte[] request = readRecord(socket);
				int claimed = ((request[6] & 0xFF) << 8) | (request[7] & 0xFF);
				int carried = request.length - 5 - 3 - 16;
				if (claimed > carried && !bleeding) {
					// RFC 6520 §4: discarded silently
					continue;
				}
				byte[] payload = new byte[claimed];
				Arrays.fill(payload, (byte) 0x55);
				System.arraycopy(request, 8, payload, 0, Math.min(claimed, Math.max(0, carried)));
				String message = "02" + "%04x".formatted(claimed) + hex.formatHex(payload) + "00".repeat(16);
				send(socket, record("18", message));
			}
			drain(socket, hello);
		};
	}

	/**
	 * A server that does not take up heartbeats.
	 * @return the handler
	 */
	static ConnectionHandler noHeartbeat() {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			send(socket, flight(RSA_SUITE, "", null));
			drain(socket, hello);
		};
	}

	/**
	 * A server that gets an early ChangeCipherSpec.
	 * @param accepting whether it takes it, and then fails to decrypt the next record
	 * @return the handler
	 */
	static ConnectionHandler earlyChangeCipherSpec(boolean accepting) {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			send(socket, flight(RSA_SUITE, "", null));
			byte[] ccs = readRecord(socket);
			if (ccs[0] != 20) {
				throw new IllegalStateException("Expected a ChangeCipherSpec, got content type " + ccs[0]);
			}
			if (!accepting) {
				// Read on until the client closes, so that the record it sent after the
				// ChangeCipherSpec does not turn the close into a reset
				send(socket, record("15", "020a"));
				drain(socket, hello);
				return;
			}
			readRecord(socket);
			send(socket, record("15", "0214"));
			drain(socket, hello);
		};
	}

	/** How a server answers RSA key exchange blocks. */
	enum Oracle {

		/** Alike, whatever the block. */
		NONE,

		/** Otherwise when the block does not start 0x00 0x02. */
		STRONG,

		/** Otherwise only when a well-padded block carries a wrong version. */
		WEAK

	}

	/**
	 * A server with RSA key exchange that decrypts the client's block and answers after
	 * its Finished.
	 * @param oracle how its answers differ
	 * @return the handler
	 */
	static ConnectionHandler rsaKeyExchange(Oracle oracle) {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			send(socket, flight(RSA_SUITE, "", null));
			byte[] keyExchange = readRecord(socket);
			readRecord(socket);
			readRecord(socket);
			byte[] block = decrypt(Arrays.copyOfRange(keyExchange, 5 + 4 + 2, keyExchange.length));
			boolean prefix = block[0] == 0 && block[1] == 2;
			int separator = -1;
			for (int i = 2; i < block.length && separator < 0; i++) {
				separator = (block[i] == 0) ? i : -1;
			}
			boolean length = separator >= 10 && block.length - separator - 1 == 48;
			boolean version = length
					&& ((block[separator + 1] & 0xFF) << 8 | (block[separator + 2] & 0xFF)) == hello.clientVersion();
			boolean distinct = switch (oracle) {
				case NONE -> false;
				case STRONG -> !prefix;
				case WEAK -> prefix && length && !version;
			};
			send(socket, record("15", distinct ? "0233" : "0214"));
			drain(socket, hello);
		};
	}

	/**
	 * A server without RFC 5746 that lets the client finish a handshake (without checking
	 * its Finished) and then answers a renegotiation.
	 * @param renegotiating whether it answers the new ClientHello with a handshake rather
	 * than an alert
	 * @return the handler
	 */
	static ConnectionHandler legacyRenegotiation(boolean renegotiating) {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			if (hello.extensions().containsKey(0xff01)) {
				throw new IllegalStateException("The check must not offer renegotiation_info");
			}
			send(socket, flight(RSA_SUITE, "", null, ""));
			finishHandshake(socket, "");
			byte[] renegotiation = readRecord(socket);
			if (renegotiation[0] != 22) {
				throw new IllegalStateException("Expected an encrypted ClientHello, got type " + renegotiation[0]);
			}
			send(socket, renegotiating ? record("16", "ee".repeat(80)) : record("15", "ee".repeat(32)));
			drain(socket, hello);
		};
	}

	/**
	 * A server that issues session tickets and resumes them.
	 * @param bleeding whether it pads a short session id to 32 bytes from its memory
	 * @return the handler
	 */
	static ConnectionHandler tickets(boolean bleeding) {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			byte[] ticket = hello.extensions().get(35);
			if (ticket == null) {
				throw new IllegalStateException("No session_ticket extension");
			}
			if (ticket.length == 0) {
				send(socket, flight(RSA_SUITE, "ff01000100" + "00230000", null, ""));
				finishHandshake(socket, record("16", handshake("04", "00001c20" + "0010" + "7e".repeat(16))));
				drain(socket, hello);
				return;
			}
			String echoed = hex.formatHex(hello.sessionId())
					+ (bleeding ? "55".repeat(32 - hello.sessionId().length) : "");
			String serverHello = handshake("02",
					"%04x".formatted(TLS_1_2) + "aa".repeat(32) + "%02x".formatted(echoed.length() / 2) + echoed
							+ "%04x".formatted(RSA_SUITE) + "00" + "0005" + "ff01000100");
			send(socket, record("16", serverHello) + record("14", "01") + record("16", "ee".repeat(48)));
			drain(socket, hello);
		};
	}

	/**
	 * Reads ClientKeyExchange, ChangeCipherSpec and Finished, and answers with these
	 * records, a ChangeCipherSpec and a Finished of random bytes.
	 */
	private static void finishHandshake(Socket socket, String before) throws Exception {
		byte[] keyExchange = readRecord(socket);
		if (keyExchange[0] != 22 || keyExchange[5] != 16) {
			throw new IllegalStateException("Expected a ClientKeyExchange");
		}
		byte[] changeCipherSpec = readRecord(socket);
		if (changeCipherSpec[0] != 20) {
			throw new IllegalStateException("Expected a ChangeCipherSpec");
		}
		readRecord(socket);
		send(socket, before + record("14", "01") + record("16", "ee".repeat(48)));
	}

	/**
	 * A DHE server whose prime has so many bits.
	 * @param bits the size of its prime
	 * @return the handler
	 */
	static ConnectionHandler dhe(int bits) {
		return (socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			byte[] prime = BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.valueOf(0x17)).toByteArray();
			prime = (prime[0] == 0) ? Arrays.copyOfRange(prime, 1, prime.length) : prime;
			String parameters = "%04x".formatted(prime.length) + hex.formatHex(prime) + "000102" + "0001" + "05"
					+ "0401" + "0002" + "abcd";
			send(socket, flight(DHE_SUITE, "", parameters));
			drain(socket, hello);
		};
	}

	/**
	 * ServerHello (empty session id, these extensions and renegotiation_info),
	 * Certificate, optionally ServerKeyExchange, and ServerHelloDone, in one record.
	 */
	static String flight(int suite, String extensions, String keyExchange) {
		return flight(suite, "ff01000100" + extensions, keyExchange, "");
	}

	/**
	 * A flight with exactly these ServerHello extensions and session id.
	 */
	static String flight(int suite, String allExtensions, String keyExchange, String sessionId) {
		String serverHello = handshake("02",
				"%04x".formatted(TLS_1_2) + "aa".repeat(32) + "%02x".formatted(sessionId.length() / 2) + sessionId
						+ "%04x".formatted(suite) + "00" + "%04x".formatted(allExtensions.length() / 2)
						+ allExtensions);
		String certificate;
		try {
			String der = hex.formatHex(CERTIFICATE.certificate().getEncoded());
			String entry = "%06x".formatted(der.length() / 2) + der;
			certificate = handshake("0b", "%06x".formatted(entry.length() / 2) + entry);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		String flight = serverHello + certificate + ((keyExchange != null) ? handshake("0c", keyExchange) : "")
				+ handshake("0e", "");
		return record("16", flight);
	}

	static String handshake(String type, String body) {
		return type + "%06x".formatted(body.length() / 2) + body;
	}

	static String record(String type, String fragment) {
		return type + "%04x".formatted(TLS_1_2) + "%04x".formatted(fragment.length() / 2) + fragment;
	}

	static void send(Socket socket, String hexRecords) throws Exception {
		OutputStream output = socket.getOutputStream();
		output.write(hex.parseHex(hexRecords));
		output.flush();
	}

	/** RSADP, RFC 8017 §5.1.2, without removing any padding. */
	private static byte[] decrypt(byte[] ciphertext) {
		RSAPrivateKey key = (RSAPrivateKey) CERTIFICATE.key();
		int length = (key.getModulus().bitLength() + 7) / 8;
		byte[] magnitude = new BigInteger(1, ciphertext).modPow(key.getPrivateExponent(), key.getModulus())
			.toByteArray();
		byte[] block = new byte[length];
		int copy = Math.min(magnitude.length, length);
		System.arraycopy(magnitude, magnitude.length - copy, block, length - copy, copy);
		return block;
	}

	/** Reads until the client closes, so that closing does not reset the connection. */
	private static void drain(Socket socket, Hello hello) throws Exception {
		ByteArrayOutputStream ignored = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		int read;
		while ((read = socket.getInputStream().read(buffer)) >= 0) {
			ignored.write(buffer, 0, read);
		}
	}

}
