package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;

import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.CertificateFlight;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.support.TestCertificates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The flight after a TLS 1.2-or-earlier ServerHello: Certificate and CertificateRequest
 * parsed with every length checked, and a ServerHello that stays the answer whatever
 * follows it.
 */
class ServerFlightTests {

	private static final HexFormat hex = HexFormat.of();

	@Test
	void aCertificateListLongerThanItsMessageIsMalformed() {
		// list of 0x10 bytes announced, 3 present
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerFlight.parseChain(hex.parseHex("000010" + "000000")));
	}

	@Test
	void aCertificateLengthPastTheEndIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerFlight.parseChain(hex.parseHex("000004" + "00ffff" + "30")));
	}

	@Test
	void garbageInTheCertificateMessageGivesAnEmptyChainNotAFailure() {
		ServerFlight flight = new ServerFlight();
		flight.certificate(hex.parseHex("000004" + "000001" + "30"));

		CertificateFlight result = flight.result(TlsVersion.TLS_1_2.code());
		assertThat(flight.sawCertificate()).isTrue();
		assertThat(result).isNotNull();
		assertThat(result.chain()).isEmpty();
	}

	@Test
	void theAuthoritiesOfATls10RequestHaveNoSignatureAlgorithmsBeforeThem() throws Exception {
		byte[] name = new X500Principal("CN=Old CA").getEncoded();
		String names = "%04x".formatted(name.length) + hex.formatHex(name);
		String body = "0101" + "%04x".formatted(names.length() / 2) + names;

		assertThat(ServerFlight.parseAuthorities(TlsVersion.TLS_1_0.code(), hex.parseHex(body)))
			.containsExactly("CN=Old CA");
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerFlight.parseAuthorities(TlsVersion.TLS_1_2.code(), hex.parseHex(body)));
	}

	@Test
	void noFlightForTls13() {
		assertThat(new ServerFlight().result(TlsVersion.TLS_1_3.code())).isNull();
	}

	@Test
	void aServerHelloFollowedByGarbageIsStillTheAnswerAndTheChainIsKept() throws Exception {
		byte[] der = TestCertificates.localhost(TestCertificates.rootCa("Flight Root")).certificate().getEncoded();
		String certificate = ScriptedServers.record("16", "0303", ScriptedServers.handshake("0b",
				"%06x".formatted(der.length + 3) + "%06x".formatted(der.length) + hex.formatHex(der)));
		String answer = ScriptedServers.serverHello(0x0303, 0x0005) + certificate + "ff";
		ServerFlight flight = new ServerFlight();

		ServerResponse response = ServerResponseReader.readFlight(new ByteArrayInputStream(hex.parseHex(answer)),
				(body) -> {
				}, flight);

		assertThat(response).isEqualTo(new ServerHelloReceived(0x0303, 0x0005, null));
		assertThat(flight.result(0x0303).chain()).hasSize(1);
	}

}
