package dev.tlswatch.probe.wire;

import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VersionVerdicts}: what each kind of answer says about the version offered.
 */
class VersionVerdictsTests {

	@Test
	void serverHelloForTheOfferedVersionAccepts() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_2, new ServerHelloReceived(0x0303, 0xC02F, null)))
			.isEqualTo(new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED,
					"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_3, new ServerHelloReceived(0x0304, 0x1301, 0x001D)))
			.isEqualTo(
					new VersionSupport(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED, "TLS_AES_128_GCM_SHA256, x25519"));
		assertThat(VersionVerdicts.judge(TlsVersion.SSL_3_0, new ServerHelloReceived(0x0300, 0x000A, null)).verdict())
			.isEqualTo(VersionVerdict.ACCEPTED);
	}

	@Test
	void lowerVersionIsADowngradeSoARefusal() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_2, new ServerHelloReceived(0x0301, 0x002F, null))).isEqualTo(
				new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.REJECTED, "Downgrade: the server chose TLS 1.0"));
	}

	@Test
	void plainTls12AnswerToATls13HelloRefusesTls13() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_3, new ServerHelloReceived(0x0303, 0xC02F, null))).isEqualTo(
				new VersionSupport(TlsVersion.TLS_1_3, VersionVerdict.REJECTED, "Downgrade: the server chose TLS 1.2"));
	}

	@Test
	void higherVersionThanOfferedIsAnError() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_1, new ServerHelloReceived(0x0303, 0xC02F, null)))
			.isEqualTo(new VersionSupport(TlsVersion.TLS_1_1, VersionVerdict.ERROR,
					"The server chose TLS 1.2, which was not offered"));
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_3, new ServerHelloReceived(0x7F1C, 0x1301, null)).detail())
			.isEqualTo("The server chose version 0x7f1c, which was not offered");
	}

	@Test
	void suiteThatWasNotOfferedIsAnError() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_0, new ServerHelloReceived(0x0301, 0xC02F, null)))
			.isEqualTo(new VersionSupport(TlsVersion.TLS_1_0, VersionVerdict.ERROR,
					"The server chose cipher suite 0xc02f, which was not offered"));
		assertThat(VersionVerdicts.judge(TlsVersion.SSL_3_0, new ServerHelloReceived(0x0300, 0x00FF, null)).verdict())
			.isEqualTo(VersionVerdict.ERROR);
	}

	@Test
	void helloRetryRequestAcceptsTls13() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_3, new HelloRetryRequested(0x0017, 0x1302)))
			.isEqualTo(new VersionSupport(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED,
					"HelloRetryRequest for secp256r1, TLS_AES_256_GCM_SHA384"));
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_3, new HelloRetryRequested(null, 0x1301)).detail())
			.isEqualTo("HelloRetryRequest without a group, TLS_AES_128_GCM_SHA256");
	}

	@Test
	void helloRetryRequestToAnOlderHelloIsAnError() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_2, new HelloRetryRequested(0x0017, 0x1301)))
			.isEqualTo(new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.ERROR,
					"HelloRetryRequest to a ClientHello offering TLS 1.2"));
	}

	@Test
	void alertCloseAndResetRefuse() {
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_0, new AlertReceived(2, 70))).isEqualTo(
				new VersionSupport(TlsVersion.TLS_1_0, VersionVerdict.REJECTED, "Alert: fatal protocol_version (70)"));
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_0, new AlertReceived(1, 200)).detail())
			.isEqualTo("Alert: warning unknown (200)");
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_0, new Closed(false))).isEqualTo(
				new VersionSupport(TlsVersion.TLS_1_0, VersionVerdict.REJECTED, "Connection closed without an answer"));
		assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_0, new Closed(true)).detail())
			.isEqualTo("Connection reset without an answer");
	}

	@Test
	void timeoutAndGarbageAreUnknownNotRefusals() {
		assertThat(VersionVerdicts.judge(TlsVersion.SSL_3_0, new TimedOut()).verdict())
			.isEqualTo(VersionVerdict.TIMEOUT);
		assertThat(VersionVerdicts.judge(TlsVersion.SSL_3_0, new Malformed("Not a TLS record: content type 0x48")))
			.isEqualTo(new VersionSupport(TlsVersion.SSL_3_0, VersionVerdict.ERROR,
					"Answer not understood: Not a TLS record: content type 0x48"));
	}

}
