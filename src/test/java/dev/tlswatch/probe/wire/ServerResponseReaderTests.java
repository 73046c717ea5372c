package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServerResponseReader} and {@link ServerHelloParser} on hand-built bytes,
 * including hostile ones.
 */
class ServerResponseReaderTests {

	private static final HexFormat hex = HexFormat.of();

	private static final String RANDOM = "11".repeat(32);

	private static final String HRR_RANDOM = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

	private static final String X25519_SHARE = "001d" + "0020" + "22".repeat(32);

	// renegotiation_info with an empty renegotiated_connection
	private static final String RENEGOTIATION_INFO = "ff01" + "0001" + "00";

	@Test
	void tls12ServerHello() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00" + vector16(RENEGOTIATION_INFO)));

		assertThat(read(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, null));
	}

	@Test
	void sslv3ServerHelloEndsAfterTheCompressionMethod() {
		byte[] answer = record("16", "0300", handshake("02", "0300" + RANDOM + "20" + "33".repeat(32) + "000a" + "00"));

		assertThat(read(answer)).isEqualTo(new ServerHelloReceived(0x0300, 0x000A, null));
	}

	@Test
	void tls13ServerHelloTakesItsVersionFromSupportedVersions() {
		String extensions = "002b" + "0002" + "0304" + "0033" + "0024" + X25519_SHARE;
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "20" + "44".repeat(32) + "1301" + "00" + vector16(extensions)));

		assertThat(read(answer)).isEqualTo(new ServerHelloReceived(0x0304, 0x1301, 0x001D));
	}

	@Test
	void helloRetryRequestIsRecognisedByItsRandom() throws Exception {
		assertThat(Handshakes.isHelloRetryRequest(
				MessageDigest.getInstance("SHA-256").digest("HelloRetryRequest".getBytes(StandardCharsets.US_ASCII))))
			.isTrue();
		String extensions = "002b" + "0002" + "0304" + "0033" + "0002" + "0017";
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + HRR_RANDOM + "00" + "1302" + "00" + vector16(extensions)));

		assertThat(read(answer)).isEqualTo(new HelloRetryRequested(0x0017, 0x1302));
	}

	@Test
	void helloRetryRequestWithACookieOnlyHasNoGroup() {
		String extensions = "002b" + "0002" + "0304" + "002c" + "0004" + "0002abcd";
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + HRR_RANDOM + "00" + "1301" + "00" + vector16(extensions)));

		assertThat(read(answer)).isEqualTo(new HelloRetryRequested(null, 0x1301));
	}

	@Test
	void helloRetryRequestWithoutTls13IsMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + HRR_RANDOM + "00" + "1301" + "00" + vector16("0033" + "0002" + "0017")));

		assertThat(read(answer)).isEqualTo(new Malformed("HelloRetryRequest selects version none, not TLS 1.3"));
	}

	@Test
	void serverHelloSpanningThreeRecordsIsReassembled() {
		byte[] message = hex.parseHex(handshake("02", "0303" + RANDOM + "00" + "c02f" + "00"));
		byte[] answer = concat(record("16", "0303", hex.formatHex(Arrays.copyOfRange(message, 0, 1))),
				record("16", "0303", hex.formatHex(Arrays.copyOfRange(message, 1, 4))),
				record("16", "0303", hex.formatHex(Arrays.copyOfRange(message, 4, message.length))));

		assertThat(read(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, null));
	}

	@Test
	void messagesAfterTheServerHelloAreNotRead() {
		// ServerHello, then the start of a Certificate message in the same record
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + "0b00ffff" + "3082");

		assertThat(readGuarded(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, null));
	}

	@Test
	void fatalAlertIsTheAnswer() {
		assertThat(read(record("15", "0301", "0246"))).isEqualTo(new AlertReceived(2, 70));
	}

	@Test
	void warningIsPassedOverOnTheWayToTheServerHello() {
		byte[] answer = concat(record("15", "0303", "0170"),
				record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "c02f" + "00")));

		assertThat(read(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, null));
	}

	@Test
	void warningFollowedByACloseIsTheAnswer() {
		assertThat(read(record("15", "0303", "0170"))).isEqualTo(new AlertReceived(1, 112));
	}

	@Test
	void warningCloseNotifyIsTheAnswer() {
		assertThat(readGuarded(record("15", "0303", "0100"))).isEqualTo(new AlertReceived(1, 0));
	}

	@Test
	void endlessWarningsAreMalformed() {
		byte[] warning = record("15", "0303", "0170");

		assertThat(read(concat(warning, warning, warning, warning, warning)))
			.isEqualTo(new Malformed("More than 4 warning alerts"));
	}

	@Test
	void nothingAtAllIsAClose() {
		assertThat(read(new byte[0])).isEqualTo(new Closed(false));
	}

	@Test
	void resetIsAClose() {
		assertThat(read(failing(new SocketException("Connection reset")))).isEqualTo(new Closed(true));
	}

	@Test
	void readTimeoutIsATimeout() {
		assertThat(read(failing(new SocketTimeoutException("Read timed out")))).isEqualTo(new TimedOut());
	}

	@Test
	void truncatedRecordHeaderIsMalformed() {
		assertThat(read(hex.parseHex("160303"))).isEqualTo(new Malformed("Connection closed inside a record header"));
	}

	@Test
	void truncatedRecordIsMalformed() {
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "c02f" + "00"));

		assertThat(read(Arrays.copyOf(answer, 20)))
			.isEqualTo(new Malformed("Connection closed after 15 of 42 bytes of a record"));
	}

	@Test
	void closeInsideAServerHelloSpanningRecordsIsMalformed() {
		byte[] message = hex.parseHex(handshake("02", "0303" + RANDOM + "00" + "c02f" + "00"));

		assertThat(read(record("16", "0303", hex.formatHex(Arrays.copyOf(message, 10)))))
			.isEqualTo(new Malformed("Connection closed inside the ServerHello"));
	}

	@Test
	void extensionsLongerThanWhatRemainsAreMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00" + "0100" + RENEGOTIATION_INFO));

		assertThat(read(answer)).isEqualTo(new Malformed("extensions needs 256 bytes but only 5 remain"));
	}

	@Test
	void extensionLongerThanItsListIsMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00" + vector16("ff01" + "0009" + "00")));

		assertThat(read(answer)).isEqualTo(new Malformed("extension 65281 needs 9 bytes but only 1 remain"));
	}

	@Test
	void sessionIdLongerThan32BytesIsMalformed() {
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "21" + "00".repeat(33) + "c02f" + "00"));

		assertThat(read(answer)).isEqualTo(new Malformed("Session id of 33 bytes, more than 32"));
	}

	@Test
	void sessionIdLongerThanTheMessageIsMalformed() {
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "20" + "00"));

		assertThat(read(answer)).isEqualTo(new Malformed("legacy_session_id_echo needs 32 bytes but only 1 remain"));
	}

	@Test
	void serverHelloCutShortIsMalformed() {
		assertThat(read(record("16", "0303", handshake("02", "0303" + "11".repeat(10)))))
			.isEqualTo(new Malformed("random needs 32 bytes but only 10 remain"));
	}

	@Test
	void trailingBytesAfterTheExtensionsAreMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00" + vector16(RENEGOTIATION_INFO) + "ff"));

		assertThat(read(answer)).isEqualTo(new Malformed("1 unexpected bytes after the ServerHello"));
	}

	@Test
	void duplicateExtensionIsMalformed() {
		byte[] answer = record("16", "0303", handshake("02",
				"0303" + RANDOM + "00" + "c02f" + "00" + vector16(RENEGOTIATION_INFO + RENEGOTIATION_INFO)));

		assertThat(read(answer)).isEqualTo(new Malformed("Extension 65281 appears twice"));
	}

	@Test
	void emptyKeyExchangeIsMalformed() {
		String extensions = "002b" + "0002" + "0304" + "0033" + "0004" + "001d0000";
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "1301" + "00" + vector16(extensions)));

		assertThat(read(answer)).isEqualTo(new Malformed("Empty key_exchange in the server's key_share"));
	}

	@Test
	void zeroLengthHandshakeRecordIsMalformed() {
		assertThat(readGuarded(hex.parseHex("1603030000"))).isEqualTo(new Malformed("Empty record"));
	}

	@Test
	void zeroLengthServerHelloIsMalformed() {
		assertThat(readGuarded(record("16", "0303", "02000000"))).isEqualTo(new Malformed("Empty ServerHello"));
	}

	@Test
	void sixteenMebibyteServerHelloIsRefusedBeforeAnythingMoreIsRead() {
		// 0xffffff = 16 MiB - 1 claimed; the stream fails the test if read any further
		assertThat(readGuarded(record("16", "0303", "02ffffff")))
			.isEqualTo(new Malformed("ServerHello of 16777215 bytes, more than the 65536 read at most"));
	}

	@Test
	void recordLongerThanTlsAllowsIsRefusedBeforeItsBodyIsRead() {
		assertThat(readGuarded(hex.parseHex("160303ffff")))
			.isEqualTo(new Malformed("Record of 65535 bytes, more than 18432"));
	}

	@Test
	void noServerHelloWithin64KibIsMalformed() {
		// A ServerHello that claims 65000 bytes, sent in full records: the fourth record
		// would pass 64 KiB
		String full = "00".repeat(16384);
		byte[] first = record("16", "0303", "0200fde8" + "00".repeat(16380));
		byte[] answer = concat(first, record("16", "0303", full), record("16", "0303", full),
				record("16", "0303", full), record("16", "0303", full));

		assertThat(readGuarded(answer)).isEqualTo(new Malformed("No ServerHello within 65536 bytes"));
	}

	@Test
	void httpAnswerIsNotTls() {
		byte[] answer = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

		assertThat(read(answer)).isEqualTo(new Malformed("Not a TLS record: content type 0x48"));
	}

	@Test
	void sslv2AnswerIsNotTls() {
		// An SSL 2.0 SERVER-HELLO starts with a two-byte header with the high bit set
		assertThat(read(hex.parseHex("802e0400010003")))
			.isEqualTo(new Malformed("Not a TLS record: content type 0x80"));
	}

	@Test
	void recordVersionOtherThan3IsNotTls() {
		assertThat(read(hex.parseHex("1602000002" + "0246")))
			.isEqualTo(new Malformed("Not a TLS record: record version 0x0200"));
	}

	@Test
	void applicationDataBeforeTheServerHelloIsMalformed() {
		assertThat(read(record("17", "0303", "00")))
			.isEqualTo(new Malformed("Unexpected record of content type 23 before the ServerHello"));
	}

	@Test
	void firstHandshakeMessageOtherThanServerHelloIsMalformed() {
		assertThat(read(record("16", "0303", handshake("0b", "000000"))))
			.isEqualTo(new Malformed("Expected a ServerHello, got handshake message type 11"));
	}

	@Test
	void alertOfThreeBytesIsMalformed() {
		assertThat(read(record("15", "0303", "024600"))).isEqualTo(new Malformed("Alert record of 3 bytes, not 2"));
	}

	@Test
	void randomGarbageNeverThrows() {
		Random random = new Random(42);
		for (int i = 0; i < 2000; i++) {
			byte[] garbage = new byte[random.nextInt(200)];
			random.nextBytes(garbage);
			// Half of them start like a handshake record, to get past the header checks
			if (i % 2 == 0 && garbage.length > 5) {
				garbage[0] = 0x16;
				garbage[1] = 0x03;
				garbage[3] = 0;
				garbage[4] = (byte) (garbage.length - 5);
				garbage[5] = 0x02;
			}
			// A quarter start like an SSL 2.0 SERVER-HELLO of the right length
			if (i % 4 == 1 && garbage.length > 3) {
				garbage[0] = (byte) (0x80 | ((garbage.length - 2) >> 8));
				garbage[1] = (byte) (garbage.length - 2);
				garbage[2] = (byte) Ssl2ServerHelloReader.MSG_SERVER_HELLO;
			}
			assertThat(read(garbage)).isNotNull();
			assertThat(Ssl2ServerHelloReader.read(new ByteArrayInputStream(garbage))).isNotNull();
		}
	}

	@Test
	void keyExchangeIsReadPastTheCertificateForItsNamedCurve() {
		String ecdheParameters = "03" + "001d" + "20" + "55".repeat(32) + "0401" + "0002" + "abcd";
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "c02f" + "00")
				+ handshake("0b", "000000") + handshake("0c", ecdheParameters) + handshake("0e", ""));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, 0x001D));
	}

	@Test
	void keyExchangeAfterALongCertificateAcrossRecords() {
		String certificate = handshake("0b", "004e23" + "004e20" + "30".repeat(20000));
		String flight = handshake("02", "0303" + RANDOM + "00" + "c02b" + "00") + certificate
				+ handshake("0c", "03" + "0018" + "01" + "04");
		byte[] answer = concat(record("16", "0303", flight.substring(0, 20000)),
				record("16", "0303", flight.substring(20000, 40000)), record("16", "0303", flight.substring(40000)));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02B, 0x0018));
	}

	@Test
	void keyExchangeOfAnRfc7919PrimeNamesItsGroup() {
		byte[] prime = FfdhePrimesTests.unsigned(FfdhePrimesTests.rfc7919Prime(2048, 560316));
		String dheParameters = hex.formatHex(FfdhePrimesTests.serverDhParams(prime)) + "0401" + "0000";
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "009e" + "00")
				+ handshake("0b", "000000") + handshake("0c", dheParameters));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0x009E, 0x0100));
	}

	@Test
	void keyExchangeOfAPrimeOfItsOwnNamesNoGroup() {
		String dheParameters = "0003" + "00c5c7" + "000102" + "000103";
		byte[] answer = record("16", "0301",
				handshake("02", "0301" + RANDOM + "00" + "0033" + "00") + handshake("0c", dheParameters));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0301, 0x0033, null));
	}

	@Test
	void pskHintComesBeforeTheCurve() {
		String parameters = "0002" + "abcd" + "03" + "0017" + "01" + "04";
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c035" + "00") + handshake("0c", parameters));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC035, 0x0017));
	}

	@Test
	void explicitCurveNamesNoGroup() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + handshake("0c", "01" + "ffff"));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, null));
	}

	@Test
	void serverHelloDoneBeforeAnyKeyExchangeNamesNoGroup() {
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "002f" + "00")
				+ handshake("0b", "000000") + handshake("0e", ""));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new ServerHelloReceived(0x0303, 0x002F, null));
	}

	@Test
	void tls13ServerHelloIsTheAnswerAtOnceEvenWhenReadingOn() {
		String extensions = "002b" + "0002" + "0304" + "0033" + "0024" + X25519_SHARE;
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "1301" + "00" + vector16(extensions)));

		assertThat(readThroughKeyExchangeGuarded(answer)).isEqualTo(new ServerHelloReceived(0x0304, 0x1301, 0x001D));
	}

	@Test
	void unknownCurveTypeIsMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + handshake("0c", "07" + "001d"));

		assertThat(readThroughKeyExchange(answer))
			.isEqualTo(new Malformed("Unknown ECCurveType 7 in the ServerKeyExchange"));
	}

	@Test
	void emptyPointIsMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + handshake("0c", "03" + "001d" + "00"));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new Malformed("Empty ECPoint in the ServerKeyExchange"));
	}

	@Test
	void unexpectedMessageBeforeTheKeyExchangeIsMalformed() {
		byte[] answer = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + handshake("04", "00"));

		assertThat(readThroughKeyExchange(answer))
			.isEqualTo(new Malformed("Expected a ServerKeyExchange, got handshake message type 4"));
	}

	@Test
	void closeBeforeTheKeyExchangeIsMalformed() {
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "c02f" + "00"));

		assertThat(readThroughKeyExchange(answer))
			.isEqualTo(new Malformed("Connection closed before the ServerKeyExchange"));
	}

	@Test
	void alertAfterTheServerHelloIsTheAnswer() {
		byte[] answer = concat(record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "c02f" + "00")),
				record("15", "0303", "0228"));

		assertThat(readThroughKeyExchange(answer)).isEqualTo(new AlertReceived(2, 40));
	}

	@Test
	void sixteenMebibyteCertificateIsRefusedBeforeItIsRead() {
		byte[] answer = record("16", "0303", handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + "0bffffff");

		assertThat(readThroughKeyExchangeGuarded(answer))
			.isEqualTo(new Malformed("Handshake message of 16777215 bytes, more than the 131072 read at most"));
	}

	@Test
	void noKeyExchangeWithin128KibIsMalformed() {
		String full = "00".repeat(16384);
		byte[] first = record("16", "0303",
				handshake("02", "0303" + RANDOM + "00" + "c02f" + "00") + "0b01fff0" + "00".repeat(16000));
		byte[][] parts = new byte[9][];
		parts[0] = first;
		for (int i = 1; i < parts.length; i++) {
			parts[i] = record("16", "0303", full);
		}

		assertThat(readThroughKeyExchangeGuarded(concat(parts)))
			.isEqualTo(new Malformed("No ServerKeyExchange within 131072 bytes"));
	}

	@Test
	void randomServerHellosNeverThrow() {
		Random random = new Random(4242);
		for (int i = 0; i < 2000; i++) {
			// A valid start, then a random suite and random extension bytes; every other
			// one a HelloRetryRequest
			byte[] tail = new byte[random.nextInt(120)];
			random.nextBytes(tail);
			String start = "0303" + ((i % 2 == 0) ? HRR_RANDOM : RANDOM) + "00";
			if (tail.length > 6 && i % 4 < 2) {
				// suite, compression, then an extensions length that fits
				tail[3] = 0;
				tail[4] = (byte) (tail.length - 5);
			}
			byte[] answer = record("16", "0303", handshake("02", start + hex.formatHex(tail)));
			assertThat(read(answer)).isNotNull();
			assertThat(readThroughKeyExchange(answer)).isNotNull();
		}
	}

	@Test
	void randomFlightsAfterAServerHelloNeverThrow() {
		Random random = new Random(7);
		int[] types = { 0x0b, 0x0c, 0x0d, 0x0e, 0x16 };
		String[] suites = { "c02f", "009e", "c035", "0033", "c018", "002f", "1301" };
		for (int i = 0; i < 2000; i++) {
			byte[] tail = new byte[random.nextInt(300)];
			random.nextBytes(tail);
			if (tail.length > 4 && i % 2 == 0) {
				// A plausible message header, so that the bodies get parsed
				tail[0] = (byte) types[random.nextInt(types.length)];
				tail[1] = 0;
				tail[2] = 0;
				tail[3] = (byte) random.nextInt(tail.length - 3);
			}
			String serverHello = handshake("02", "0303" + RANDOM + "00" + suites[i % suites.length] + "00");
			assertThat(readThroughKeyExchange(record("16", "0303", serverHello + hex.formatHex(tail)))).isNotNull();
		}
	}

	private static ServerResponse readThroughKeyExchange(byte[] answer) {
		try {
			return ServerResponseReader.readThroughKeyExchange(new ByteArrayInputStream(answer));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static ServerResponse readThroughKeyExchangeGuarded(byte[] answer) {
		try {
			return ServerResponseReader.readThroughKeyExchange(guarded(answer));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static ServerResponse read(byte[] answer) {
		return read(new ByteArrayInputStream(answer));
	}

	/** Fails the test if the reader reads beyond the given bytes. */
	private static ServerResponse readGuarded(byte[] answer) {
		return read(guarded(answer));
	}

	private static InputStream guarded(byte[] answer) {
		return new InputStream() {

			private int position;

			@Override
			public int read() {
				if (this.position >= answer.length) {
					throw new AssertionError("Read beyond the " + answer.length + " bytes sent");
				}
				return answer[this.position++] & 0xFF;
			}

		};
	}

	private static ServerResponse read(InputStream input) {
		try {
			return ServerResponseReader.read(input);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static InputStream failing(IOException failure) {
		return new InputStream() {

			@Override
			public int read() throws IOException {
				throw failure;
			}

		};
	}

	private static byte[] record(String contentType, String version, String fragment) {
		return hex.parseHex(contentType + version + "%04x".formatted(fragment.length() / 2) + fragment);
	}

	private static String handshake(String type, String body) {
		return type + "%06x".formatted(body.length() / 2) + body;
	}

	private static String vector16(String content) {
		return "%04x".formatted(content.length() / 2) + content;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
