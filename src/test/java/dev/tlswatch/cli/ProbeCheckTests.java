package dev.tlswatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tlswatch.probe.wire.ScriptedServers;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code probe --check} against real servers: one status line with performance data and
 * the exit status of the Nagios plugin API.
 */
class ProbeCheckTests {

	private static final Issued CA = TestCertificates.rootCa("Check Test Root");

	// TLS 1.2, TLS_RSA_WITH_RC4_128_SHA (RFC 5246 Appendix A.5)
	private static final int TLS_1_2 = 0x0303;

	private static final int RC4_128_SHA = 0x0005;

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void aTrustedCertificateWithTimeLeftIsOk() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(leafValidFor(Duration.ofDays(90)))) {
			int status = check("--trust", trustFile().toString(), "--sni", "localhost", "127.0.0.1:" + server.port());

			assertThat(status).isZero();
			assertThat(line())
				.startsWith("TLSWATCH OK - 127.0.0.1:" + server.port() + " (127.0.0.1): certificate valid"
						+ " for 89 days, grade A")
				.endsWith(" | days=89;30;7");
		}
	}

	@Test
	void fewerDaysThanWarnDaysIsAWarningAndFewerThanCritDaysIsCritical() throws Exception {
		try (TestTlsServer soon = TestTlsServer.start(leafValidFor(Duration.ofDays(20)));
				TestTlsServer verySoon = TestTlsServer.start(leafValidFor(Duration.ofDays(3)))) {
			assertThat(check("--trust", trustFile().toString(), "--sni", "localhost", "127.0.0.1:" + soon.port()))
				.isEqualTo(1);
			assertThat(line()).startsWith("TLSWATCH WARNING - ")
				.contains("certificate expires in 19 days on ")
				.endsWith(" | days=19;30;7");
			this.out.reset();

			assertThat(check("--warn-days", "10", "--crit-days", "5", "--trust", trustFile().toString(), "--sni",
					"localhost", "127.0.0.1:" + verySoon.port()))
				.isEqualTo(2);
			assertThat(line()).startsWith("TLSWATCH CRITICAL - ")
				.contains("certificate expires in 2 days")
				.endsWith(" | days=2;10;5");
		}
	}

	@Test
	void anExpiredCertificateIsCritical() throws Exception {
		Instant now = Instant.now();
		Issued expired = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(3)))
			.issuedBy(CA);
		try (TestTlsServer server = TestTlsServer.start(expired)) {
			assertThat(check("--trust", trustFile().toString(), "--sni", "localhost", "127.0.0.1:" + server.port()))
				.isEqualTo(2);

			assertThat(line()).startsWith("TLSWATCH CRITICAL - ")
				.contains("certificate expired on ")
				.endsWith(" | days=-4;30;7");
		}
	}

	@Test
	void anUntrustedChainIsAWarningOrWithRequireTrustedCritical() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(leafValidFor(Duration.ofDays(90)))) {
			assertThat(check("--sni", "localhost", "127.0.0.1:" + server.port())).isEqualTo(1);
			assertThat(line()).startsWith("TLSWATCH WARNING - ").contains("chain not trusted");
			this.out.reset();

			assertThat(check("--require-trusted", "--sni", "localhost", "127.0.0.1:" + server.port())).isEqualTo(2);
			assertThat(line()).startsWith("TLSWATCH CRITICAL - ").contains("chain not trusted");
		}
	}

	@Test
	void aNameMismatchIsNotOk() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(leafValidFor(Duration.ofDays(90)))) {
			assertThat(check("--trust", trustFile().toString(), "--require-trusted", "--sni", "other.example",
					"127.0.0.1:" + server.port()))
				.isEqualTo(2);

			assertThat(line()).contains("certificate does not match other.example");
		}
	}

	@Test
	void aClosedPortIsCriticalWithUnknownDays() {
		int port = TestTcpServer.refusedPort();

		assertThat(check("127.0.0.1:" + port)).isEqualTo(2);

		assertThat(line()).startsWith("TLSWATCH CRITICAL - 127.0.0.1:" + port + " (127.0.0.1): connection refused")
			.endsWith(" | days=U;30;7")
			.doesNotContain("null");
	}

	@Test
	void aHandshakeFailureIsCritical() {
		try (TestTcpServer garbage = TestTcpServer.garbage()) {
			assertThat(check("127.0.0.1:" + garbage.port())).isEqualTo(2);

			assertThat(line()).startsWith("TLSWATCH CRITICAL - ").contains("TLS handshake failed");
		}
	}

	@Test
	void anRc4OnlyServerIsCritical() {
		try (TestTcpServer rc4 = TestTcpServer.start(ScriptedServers.suites(TLS_1_2, List.of(RC4_128_SHA), true))) {
			assertThat(check("127.0.0.1:" + rc4.port())).isEqualTo(2);

			assertThat(line()).startsWith("TLSWATCH CRITICAL - ")
				.contains("only insecure cipher suites accepted: TLS_RSA_WITH_RC4_128_SHA");
		}
	}

	@Test
	void aGradeBelowMinGradeIsCritical() throws Exception {
		// CBC without AEAD caps the grade at B
		Issued leaf = leafValidFor(Duration.ofDays(90));
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")
			.start()) {
			assertThat(check("--min-grade", "A", "--trust", trustFile().toString(), "--sni", "localhost",
					"127.0.0.1:" + server.port()))
				.isEqualTo(2);
			assertThat(line()).contains("grade B is below A");
			this.out.reset();

			assertThat(check("--min-grade", "b", "--trust", trustFile().toString(), "--sni", "localhost",
					"127.0.0.1:" + server.port()))
				.isZero();
			assertThat(line()).startsWith("TLSWATCH OK - ").contains("grade B");
		}
	}

	@Test
	void severalTargetsGiveTheWorstStateAndADaysValueEach() throws Exception {
		int closed = TestTcpServer.refusedPort();
		try (TestTlsServer good = TestTlsServer.start(leafValidFor(Duration.ofDays(90)));
				TestTlsServer soon = TestTlsServer.start(leafValidFor(Duration.ofDays(20)))) {
			int status = check("--trust", trustFile().toString(), "--sni", "localhost", "127.0.0.1:" + good.port(),
					"127.0.0.1:" + soon.port(), "127.0.0.1:" + closed);

			assertThat(status).isEqualTo(2);
			assertThat(this.out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
			assertThat(line()).startsWith("TLSWATCH CRITICAL - ")
				.contains("127.0.0.1:" + soon.port() + " (127.0.0.1): certificate expires in 19 days",
						"127.0.0.1:" + closed + " (127.0.0.1): connection refused")
				.doesNotContain("valid for 89 days")
				.contains("| days=19;30;7 'days 127.0.0.1:" + good.port() + " (127.0.0.1)'=89;30;7 'days 127.0.0.1:"
						+ soon.port() + " (127.0.0.1)'=19;30;7");
		}
	}

	@Test
	void usageErrorsInCheckModeAreUnknown() {
		assertThat(check("--crit-days", "40", "a:1")).isEqualTo(3);
		assertThat(check("--min-grade", "T", "a:1")).isEqualTo(3);
		assertThat(check("--json", "a:1")).isEqualTo(3);
		assertThat(check()).isEqualTo(3);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(
				"--crit-days (40) must not be more than --warn-days (30)", "expected a grade from A+ to F",
				"--check and --json do not go together", "Missing required parameter");
	}

	private Issued leafValidFor(Duration validity) {
		Instant now = Instant.now();
		// An hour more, so that the whole days left are exact whatever the test's pace
		return TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofHours(1)), now.plus(validity).minus(Duration.ofHours(1)))
			.issuedBy(CA);
	}

	private int check(String... args) {
		List<String> command = new ArrayList<>(List.of("probe", "--check"));
		command.addAll(List.of(args));
		return TlsWatchCli.run(command.toArray(String[]::new), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String line() {
		List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	private Path trustFile() throws Exception {
		return Files.writeString(this.directory.resolve("ca.pem"), TestPem.certificates(List.of(CA.certificate())));
	}

}
