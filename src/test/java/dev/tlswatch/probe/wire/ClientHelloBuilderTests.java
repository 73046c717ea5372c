package dev.tlswatch.probe.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ClientHelloBuilder}: the bytes of each version's ClientHello, read back here
 * with fixed offsets rather than with the production parser.
 */
class ClientHelloBuilderTests {

	private static final HexFormat hex = HexFormat.of();

	private static final byte[] RANDOM = hex
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private static final byte[] KEY = hex.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");

	@Test
	void sslv3HelloIsExactlyTheRfc6101LayoutWithoutExtensions() {
		byte[] record = ClientHelloBuilder.offering(TlsVersion.SSL_3_0)
			.serverName("example.com")
			.random(RANDOM)
			.build();

		assertThat(hex.formatHex(record)).isEqualTo(""
				// record: handshake, SSL 3.0, 69 bytes
				+ "1603000045"
				// client_hello, 65 bytes; client_version 3.0
				+ "01000041" + "0300" + hex.formatHex(RANDOM)
				// empty session id
				+ "00"
				// 13 suites: DHE/RSA with AES, Camellia, 3DES, RC4, then the
				// renegotiation SCSV
				+ "001a" + "0033003900320038002f003500410084" + "0016000a00050004" + "00ff"
				// one compression method: null; and nothing after it
				+ "0100");
	}

	@Test
	void tls12HelloHasHeadersLengthsAndEveryExtension() {
		byte[] record = ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
			.serverName("example.com")
			.random(RANDOM)
			.build();

		Hello hello = Hello.parse(record);

		assertThat(hello.recordVersion()).isEqualTo(0x0301);
		assertThat(hello.clientVersion()).isEqualTo(0x0303);
		assertThat(hello.random()).isEqualTo(RANDOM);
		assertThat(hello.sessionId()).isEmpty();
		assertThat(hello.cipherSuites()).hasSize(39)
			.startsWith(0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8)
			.contains(0x009E, 0xC027, 0x003C, 0xC013, 0x0035, 0x000A, 0xC011, 0x0005, 0x0004)
			.doesNotContain(0x1301, 0x00FF);
		assertThat(hello.extensions().keySet()).containsExactly(0, 10, 11, 0xFF01, 13);
		assertThat(hex.formatHex(hello.extensions().get(0)))
			.isEqualTo("000e" + "00" + "000b" + hex.formatHex("example.com".getBytes()));
		assertThat(hex.formatHex(hello.extensions().get(10))).isEqualTo("000a" + "001d001700180019" + "0100");
		assertThat(hex.formatHex(hello.extensions().get(11))).isEqualTo("0100");
		assertThat(hex.formatHex(hello.extensions().get(0xFF01))).isEqualTo("00");
		assertThat(hex.formatHex(hello.extensions().get(13)))
			.isEqualTo("0020" + "040305030603080708080804080508060809080a080b" + "040105010601" + "02030201");
	}

	@Test
	void helloOf256To511BytesIsPaddedTo512() {
		// A long name takes the message from 208 to 269 bytes
		String longName = "x".repeat(60) + ".example.com";
		byte[] record = ClientHelloBuilder.offering(TlsVersion.TLS_1_2).serverName(longName).random(RANDOM).build();

		Hello hello = Hello.parse(record);

		assertThat(record).hasSize(TlsRecords.HEADER_LENGTH + ClientHelloBuilder.PADDED_LENGTH);
		assertThat(hello.extensions().get(21)).isNotEmpty().containsOnly(0);
		assertThat(List.copyOf(hello.extensions().keySet())).last().isEqualTo(21);
	}

	@Test
	void helloUnder256BytesIsNotPadded() {
		byte[] record = ClientHelloBuilder.offering(TlsVersion.TLS_1_0).random(RANDOM).build();

		assertThat(record.length - TlsRecords.HEADER_LENGTH).isLessThan(ClientHelloBuilder.PADDING_THRESHOLD);
		assertThat(Hello.parse(record).extensions()).doesNotContainKey(21);
	}

	@Test
	void tls10And11OfferNoTls12SuitesAndNoSignatureAlgorithms() {
		for (TlsVersion version : List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1)) {
			Hello hello = Hello.parse(ClientHelloBuilder.offering(version).random(RANDOM).build());

			assertThat(hello.recordVersion()).isEqualTo(0x0301);
			assertThat(hello.clientVersion()).isEqualTo(version.code());
			assertThat(hello.cipherSuites()).hasSize(20)
				.contains(0xC013, 0x002F, 0x000A, 0x0005)
				.doesNotContain(0xC02F, 0x003C);
			assertThat(hello.extensions()).containsOnlyKeys(10, 11, 0xFF01);
		}
	}

	@Test
	void tls13HelloNamesTheVersionInSupportedVersionsWithOneX25519Share() {
		byte[] sessionId = new byte[32];
		byte[] record = ClientHelloBuilder.offering(TlsVersion.TLS_1_3)
			.serverName("example.com")
			.random(RANDOM)
			.sessionId(sessionId)
			.x25519KeyShare(KEY)
			.build();

		Hello hello = Hello.parse(record);

		assertThat(hello.recordVersion()).isEqualTo(0x0301);
		assertThat(hello.clientVersion()).isEqualTo(0x0303);
		assertThat(hello.sessionId()).isEqualTo(sessionId);
		assertThat(hello.cipherSuites()).containsExactly(0x1301, 0x1302, 0x1303, 0x1304, 0x1305);
		assertThat(hello.extensions()).containsKeys(0, 10, 13, 43, 51).doesNotContainKeys(11, 0xFF01);
		assertThat(hex.formatHex(hello.extensions().get(43))).isEqualTo("02" + "0304");
		assertThat(hex.formatHex(hello.extensions().get(51))).isEqualTo("0024" + "001d" + "0020" + hex.formatHex(KEY));
		assertThat(hex.formatHex(hello.extensions().get(10))).isEqualTo("000c" + "001d001700180019" + "0100" + "11ec");
	}

	@Test
	void tls13HelloWithoutAShareSendsAnEmptyKeyShare() {
		Hello hello = Hello.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_3).random(RANDOM).build());

		assertThat(hex.formatHex(hello.extensions().get(51))).isEqualTo("0000");
		assertThat(hello.sessionId()).hasSize(32);
		assertThat(hello.extensions()).doesNotContainKey(0);
	}

	@ParameterizedTest
	@EnumSource(TlsVersion.class)
	void everyHelloIsOneConsistentRecord(TlsVersion version) {
		byte[] record = ClientHelloBuilder.offering(version).serverName("a.example").build();

		Hello hello = Hello.parse(record);

		assertThat(hello.recordLength()).isEqualTo(record.length - 5);
		assertThat(hello.messageLength()).isEqualTo(record.length - 9);
		assertThat(record.length - TlsRecords.HEADER_LENGTH).satisfiesAnyOf(
				(length) -> assertThat(length).isLessThan(256),
				(length) -> assertThat(length).isGreaterThanOrEqualTo(512));
	}

	@Test
	void givenSuitesAndGroupsReplaceTheVersionsLists() {
		byte[] record = ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
			.cipherSuites(List.of(0x000A, 0xC02F, 0x00FF))
			.groups(List.of(0x0017, 0x0100))
			.random(RANDOM)
			.build();

		Hello hello = Hello.parse(record);

		assertThat(hello.cipherSuites()).containsExactly(0x000A, 0xC02F, 0x00FF);
		assertThat(hex.formatHex(hello.extensions().get(10))).isEqualTo("0004" + "0017" + "0100");
	}

	@Test
	void tls13HelloWithGivenGroupsAndAnEmptyKeyShare() {
		Hello hello = Hello.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_3)
			.groups(List.of(0x11EC, 0x0018))
			.cipherSuites(List.of(0x1302))
			.build());

		assertThat(hello.cipherSuites()).containsExactly(0x1302);
		assertThat(hex.formatHex(hello.extensions().get(10))).isEqualTo("0004" + "11ec" + "0018");
		assertThat(hex.formatHex(hello.extensions().get(51))).isEqualTo("0000");
	}

	@Test
	void x25519ShareNeedsX25519AmongTheGroups() {
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_3)
			.groups(List.of(0x0017))
			.x25519KeyShare(KEY);

		assertThatIllegalStateException().isThrownBy(builder::build);
	}

	@Test
	void listsMustHoldOneToManyTwoByteCodes() {
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_2);

		assertThatIllegalArgumentException().isThrownBy(() -> builder.cipherSuites(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.groups(List.of(0x10000)));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.cipherSuites(List.of(-1)));
	}

	@Test
	void helloLargerThanOneRecordIsRefused() {
		List<Integer> suites = new ArrayList<>();
		for (int code = 0; code < 9000; code++) {
			suites.add(code);
		}
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_2).cipherSuites(suites);

		assertThatIllegalArgumentException().isThrownBy(builder::build);
	}

	@Test
	void twoHellosDifferInTheirRandom() {
		Hello first = Hello.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_2).build());
		Hello second = Hello.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_2).build());

		assertThat(first.random()).isNotEqualTo(second.random());
	}

	@Test
	void keyShareMustBeAnX25519Key() {
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_3);

		assertThatIllegalArgumentException().isThrownBy(() -> builder.x25519KeyShare(new byte[31]));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.random(new byte[31]));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.sessionId(new byte[33]));
	}

	/**
	 * A ClientHello read back with the offsets of RFC 8446 §4.1.2, failing on any length
	 * that does not add up.
	 */
	record Hello(int recordVersion, int recordLength, int messageLength, int clientVersion, byte[] random,
			byte[] sessionId, List<Integer> cipherSuites, Map<Integer, byte[]> extensions) {

		static Hello parse(byte[] record) {
			ByteBuffer buffer = ByteBuffer.wrap(record);
			assertThat(buffer.get()).as("content type").isEqualTo((byte) 22);
			int recordVersion = u16(buffer);
			int recordLength = u16(buffer);
			assertThat(recordLength).isEqualTo(buffer.remaining());
			assertThat(buffer.get()).as("handshake type").isEqualTo((byte) 1);
			int messageLength = (u8(buffer) << 16) | u16(buffer);
			assertThat(messageLength).isEqualTo(buffer.remaining());
			int clientVersion = u16(buffer);
			byte[] random = bytes(buffer, 32);
			byte[] sessionId = bytes(buffer, u8(buffer));
			int suitesLength = u16(buffer);
			List<Integer> suites = new ArrayList<>();
			for (int i = 0; i < suitesLength / 2; i++) {
				suites.add(u16(buffer));
			}
			assertThat(bytes(buffer, u8(buffer))).as("compression methods").containsExactly(0);
			Map<Integer, byte[]> extensions = new LinkedHashMap<>();
			if (buffer.hasRemaining()) {
				assertThat(u16(buffer)).as("extensions length").isEqualTo(buffer.remaining());
				while (buffer.hasRemaining()) {
					int type = u16(buffer);
					assertThat(extensions.put(type, bytes(buffer, u16(buffer)))).as("extension %d once", type).isNull();
				}
			}
			return new Hello(recordVersion, recordLength, messageLength, clientVersion, random, sessionId, suites,
					extensions);
		}

		private static int u8(ByteBuffer buffer) {
			return buffer.get() & 0xFF;
		}

		private static int u16(ByteBuffer buffer) {
			return buffer.getShort() & 0xFFFF;
		}

		private static byte[] bytes(ByteBuffer buffer, int length) {
			byte[] bytes = new byte[length];
			buffer.get(bytes);
			return bytes;
		}

	}

}
