package dev.tlswatch.probe.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.TlsVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The optional parts of a {@link ClientHelloBuilder} hello that the feature probe asks
 * with: ALPN, DEFLATE and TLS_FALLBACK_SCSV, read back with fixed offsets.
 */
class ClientHelloBuilderFeatureTests {

	private static final HexFormat hex = HexFormat.of();

	@Test
	void applicationProtocolsAreOneAlpnExtensionInOrder() {
		Hello hello = Hello.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
			.applicationProtocols(List.of("h2", "http/1.1"))
			.build());

		// list of 12 bytes: "h2" and "http/1.1", each with its one-byte length
		assertThat(hex.formatHex(hello.extensions().get(16)))
			.isEqualTo("000c" + "02" + hex.formatHex("h2".getBytes()) + "08" + hex.formatHex("http/1.1".getBytes()));
		assertThat(hello.compressionMethods()).containsExactly(0);
		assertThat(hello.cipherSuites()).doesNotContain(0x5600);
	}

	@Test
	void tls13HelloCarriesAlpnToo() {
		Hello hello = Hello
			.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_3).applicationProtocols(List.of("http/1.1")).build());

		assertThat(hex.formatHex(hello.extensions().get(16)))
			.isEqualTo("0009" + "08" + hex.formatHex("http/1.1".getBytes()));
	}

	@Test
	void sslv3HelloHasNoRoomForAlpn() {
		Hello hello = Hello
			.parse(ClientHelloBuilder.offering(TlsVersion.SSL_3_0).applicationProtocols(List.of("h2")).build());

		assertThat(hello.extensions()).isEmpty();
	}

	@Test
	void deflateIsOfferedBeforeNull() {
		for (TlsVersion version : List.of(TlsVersion.SSL_3_0, TlsVersion.TLS_1_0, TlsVersion.TLS_1_2)) {
			Hello hello = Hello.parse(ClientHelloBuilder.offering(version).deflateCompression().build());

			assertThat(hello.compressionMethods()).as(version.displayName()).containsExactly(1, 0);
		}
	}

	@Test
	void tls13HelloRefusesDeflate() {
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_3);

		assertThatIllegalStateException().isThrownBy(builder::deflateCompression);
	}

	@Test
	void fallbackScsvComesLast() {
		Hello hello = Hello.parse(ClientHelloBuilder.offering(TlsVersion.TLS_1_1).fallbackScsv().build());

		assertThat(hello.cipherSuites()).hasSize(21).endsWith(0x5600);
		assertThat(hello.extensions()).containsKey(0xFF01);
	}

	@Test
	void sslv3FallbackKeepsTheRenegotiationScsv() {
		Hello hello = Hello.parse(ClientHelloBuilder.offering(TlsVersion.SSL_3_0).fallbackScsv().build());

		assertThat(hello.cipherSuites()).endsWith(0x00FF, 0x5600);
	}

	@Test
	void protocolNamesMustFitRfc7301() {
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_2);

		assertThatIllegalArgumentException().isThrownBy(() -> builder.applicationProtocols(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.applicationProtocols(List.of("")));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.applicationProtocols(List.of("x".repeat(256))));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.applicationProtocols(List.of("h\u00e9")));
	}

	/**
	 * The parts of a ClientHello these tests look at, read with the offsets of RFC 5246
	 * §7.4.1.2.
	 */
	record Hello(List<Integer> cipherSuites, List<Integer> compressionMethods, Map<Integer, byte[]> extensions) {

		static Hello parse(byte[] record) {
			ByteBuffer buffer = ByteBuffer.wrap(record);
			// record header, handshake header, client_version, random
			buffer.position(5 + 4 + 2 + 32);
			int sessionIdLength = u8(buffer);
			buffer.position(buffer.position() + sessionIdLength);
			List<Integer> suites = new ArrayList<>();
			int suitesLength = u16(buffer);
			for (int i = 0; i < suitesLength / 2; i++) {
				suites.add(u16(buffer));
			}
			List<Integer> methods = new ArrayList<>();
			int methodsLength = u8(buffer);
			for (int i = 0; i < methodsLength; i++) {
				methods.add(u8(buffer));
			}
			Map<Integer, byte[]> extensions = new LinkedHashMap<>();
			if (buffer.hasRemaining()) {
				assertThat(u16(buffer)).as("extensions length").isEqualTo(buffer.remaining());
				while (buffer.hasRemaining()) {
					int type = u16(buffer);
					byte[] data = new byte[u16(buffer)];
					buffer.get(data);
					assertThat(extensions.put(type, data)).as("extension %d once", type).isNull();
				}
			}
			return new Hello(suites, methods, extensions);
		}

		private static int u8(ByteBuffer buffer) {
			return buffer.get() & 0xFF;
		}

		private static int u16(ByteBuffer buffer) {
			return buffer.getShort() & 0xFFFF;
		}

	}

}
