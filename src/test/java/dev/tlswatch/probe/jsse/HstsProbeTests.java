package dev.tlswatch.probe.jsse;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Hsts.Verdict;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HstsProbe} against HTTPS servers on 127.0.0.1.
 */
class HstsProbeTests {

	private static Issued leaf;

	@BeforeAll
	static void createCertificates() {
		leaf = TestCertificates.localhost(TestCertificates.rootCa("HSTS Test Root"));
	}

	@Test
	void readsThePolicyAndSendsAHeadRequestForTheSniName() throws Exception {
		try (HttpsTestServer server = HttpsTestServer.answering(leaf, "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n"
				+ "strict-transport-security: max-age=31536000; includeSubDomains; preload\r\n\r\n")) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts.value()).isEqualTo(new Hsts(Verdict.ENABLED, 200, 31_536_000L, true, true,
					"max-age=31536000; includeSubDomains; preload"));
			assertThat(hsts.detail()).isEqualTo("HTTP 200");
			assertThat(server.request()).isEqualTo("HEAD / HTTP/1.1\r\nHost: localhost:" + server.port()
					+ "\r\nUser-Agent: TLSWatch\r\nAccept: */*\r\nConnection: close\r\n\r\n");
			assertThat(server.acceptedConnections()).isEqualTo(1);
		}
	}

	@Test
	void aResponseWithoutTheHeaderHasNoPolicy() throws Exception {
		try (HttpsTestServer server = HttpsTestServer.answering(leaf,
				"HTTP/1.1 301 Moved Permanently\r\nLocation: https://localhost/\r\n\r\n")) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts.value()).isEqualTo(new Hsts(Verdict.ABSENT, 301, null, false, false, null));
		}
	}

	@Test
	void aMalformedHeaderIsAVerdictNotAFailure() throws Exception {
		try (HttpsTestServer server = HttpsTestServer.answering(leaf,
				"HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=forever\r\n\r\n")) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts.value().verdict()).isEqualTo(Verdict.MALFORMED);
			assertThat(hsts.value().header()).isEqualTo("max-age=forever");
			assertThat(hsts.detail()).isEqualTo("HTTP 200: max-age is not a number of seconds");
		}
	}

	@Test
	void anAnswerThatIsNotHttpIsAnError() throws Exception {
		try (HttpsTestServer server = HttpsTestServer.answering(leaf, "\u0000\u0001garbage\r\n\r\n")) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts.status()).isEqualTo(Status.ERROR);
			assertThat(hsts.detail()).startsWith("The answer is not an HTTP/1.x response: \"??garbage");
		}
	}

	@Test
	void anEndlessHeadIsCutOffAtTheBound() throws Exception {
		String endless = "HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(HttpResponseHead.MAX_HEAD_BYTES) + "\r\n\r\n";
		try (HttpsTestServer server = HttpsTestServer.answering(leaf, endless)) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts).isEqualTo(Observed.none(Status.ERROR, "The response head exceeds 16384 bytes"));
		}
	}

	@Test
	void aServerThatNeverAnswersTimesOut() throws Exception {
		try (HttpsTestServer server = HttpsTestServer.silent(leaf)) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(1));

			assertThat(hsts).isEqualTo(Observed.none(Status.TIMED_OUT, "No answer to HEAD / within 1000 ms"));
		}
	}

	@Test
	void aServerThatClosesWithoutAnsweringCouldNotBeAsked() throws Exception {
		try (HttpsTestServer server = HttpsTestServer.answering(leaf, "")) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts.status()).isEqualTo(Status.ERROR);
			assertThat(hsts.detail()).isEqualTo("The server closed the connection without an answer");
		}
	}

	@Test
	void aServerWithoutTlsCouldNotBeAsked() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			Observed<Hsts> hsts = HstsProbe.probe(target(server.address(), server.port()), options(2));

			assertThat(hsts.status()).isEqualTo(Status.COULD_NOT_TEST);
			assertThat(hsts.detail()).startsWith("TLS handshake failed: ");
		}
	}

	@Test
	void theHostHeaderCarriesAnIpLiteralWithoutSniAndNoDefaultPort() throws Exception {
		ProbeTarget v4 = new ProbeTarget(InetAddress.getByName("127.0.0.1"), 443, null, "127.0.0.1");
		ProbeTarget v6 = new ProbeTarget(InetAddress.getByName("::1"), 8443, null, "::1");

		assertThat(HstsProbe.request(v4)).startsWith("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		assertThat(HstsProbe.request(v6)).startsWith("HEAD / HTTP/1.1\r\nHost: [0:0:0:0:0:0:0:1]:8443\r\n");
	}

	private static ProbeTarget target(InetAddress address, int port) {
		return new ProbeTarget(address, port, "localhost", "localhost");
	}

	private static ProbeOptions options(int handshakeSeconds) {
		return new ProbeOptions(Duration.ofSeconds(2), Duration.ofSeconds(handshakeSeconds), List.of(),
				Clock.systemUTC());
	}

}
