package dev.tlswatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestRevocationServer;
import dev.tlswatch.support.TestTlsServer;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's revocation check: JSON, text, {@code --check} and its own address
 * guard, against an in-process OCSP responder.
 */
class ProbeCommandRevocationTests {

	private static final Issued CA = TestCertificates.rootCa("CLI Revocation Root");

	private static final Instant REVOKED_AT = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private TestRevocationServer responder;

	private Issued leaf;

	@BeforeEach
	void start() {
		this.responder = TestRevocationServer.start(CA);
		this.leaf = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.ocspResponder(this.responder.ocspUrl())
			.issuedBy(CA);
		this.responder.revoke(this.leaf.certificate(), CRLReason.keyCompromise, REVOKED_AT);
	}

	@AfterEach
	void stop() {
		this.responder.close();
	}

	@Test
	void jsonReportsTheRevokedLeafPerAddressAndPerCertificate() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(this.leaf)) {
			run("--json", "--trust", trustFile().toString(), "--sni", "localhost", "--revocation-allow-private",
					"127.0.0.1:" + server.port());

			JsonNode address = JsonMapper.builder()
				.build()
				.readTree(this.out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
				.get("addresses")
				.get(0);
			JsonNode revocation = address.get("revocation");
			assertThat(revocation.get("status").asString()).isEqualTo("REVOKED");
			assertThat(revocation.get("source").asString()).isEqualTo("OCSP");
			assertThat(revocation.get("reason").asString()).isEqualTo("keyCompromise");
			assertThat(revocation.get("revokedAt").asString()).isEqualTo(REVOKED_AT.toString());
			assertThat(revocation.get("detail").asString()).isNotBlank();
			assertThat(address.get("chain").get(0).get("revocation").get("status").asString()).isEqualTo("REVOKED");
			assertThat(address.get("grade").asString()).isEqualTo("T");
			assertThat(address.get("gradeReasons").get(0).get("code").asString()).isEqualTo("CERT_REVOKED");
		}
	}

	@Test
	void checkModeIsCriticalForARevokedCertificate() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(this.leaf)) {
			int status = run("--check", "--trust", trustFile().toString(), "--sni", "localhost",
					"--revocation-allow-private", "127.0.0.1:" + server.port());

			assertThat(status).isEqualTo(CheckState.CRITICAL.exitStatus());
			assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("CRITICAL")
				.contains("certificate revoked on " + REVOKED_AT)
				.contains("keyCompromise");
		}
	}

	@Test
	void textReportShowsTheRevocation() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(this.leaf)) {
			run("--trust", trustFile().toString(), "--sni", "localhost", "--revocation-allow-private",
					"127.0.0.1:" + server.port());

			assertThat(this.out.toString(StandardCharsets.UTF_8))
				.contains("revocation   REVOKED (OCSP) on " + REVOKED_AT);
		}
	}

	@Test
	void privateAddressesAreNotFetchedUnlessAllowed() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(this.leaf)) {
			run("--json", "--trust", trustFile().toString(), "--sni", "localhost", "127.0.0.1:" + server.port());

			JsonNode revocation = JsonMapper.builder()
				.build()
				.readTree(this.out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
				.get("addresses")
				.get(0)
				.get("revocation");
			assertThat(revocation.get("status").asString()).isEqualTo("UNKNOWN");
			assertThat(revocation.get("source").isNull()).isTrue();
			assertThat(revocation.get("detail").asString()).contains("forbidden address");
			assertThat(this.responder.ocspRequests()).isZero();
		}
	}

	@Test
	void switchedOffIsNotChecked() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(this.leaf)) {
			run("--json", "--trust", trustFile().toString(), "--sni", "localhost", "--no-revocation",
					"127.0.0.1:" + server.port());

			JsonNode revocation = JsonMapper.builder()
				.build()
				.readTree(this.out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
				.get("addresses")
				.get(0)
				.get("revocation");
			assertThat(revocation.get("status").asString()).isEqualTo("NOT_CHECKED");
			assertThat(this.responder.ocspRequests()).isZero();
		}
	}

	@Test
	void cliGuardDeniesMetadataAndLinkLocalAlways() throws Exception {
		RevocationGuard guard = new RevocationGuard(true);

		assertThat(guard.denied(InetAddress.getByName("169.254.169.254"))).contains("cloud metadata");
		assertThat(guard.denied(InetAddress.getByName("100.100.100.200"))).contains("cloud metadata");
		assertThat(guard.denied(InetAddress.getByName("fd00:ec2::254"))).contains("cloud metadata");
		assertThat(guard.denied(InetAddress.getByName("127.0.0.1"))).isNull();
		assertThat(new RevocationGuard(false).denied(InetAddress.getByName("10.1.2.3"))).contains("private");
		assertThat(new RevocationGuard(false).denied(InetAddress.getByName("192.0.2.10"))).isNull();
	}

	private int run(String... args) {
		List<String> command = new ArrayList<>();
		command.add("probe");
		command.addAll(List.of(args));
		return TlsWatchCli.run(command.toArray(String[]::new), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private Path trustFile() throws Exception {
		Path file = this.directory.resolve("ca.pem");
		Files.writeString(file,
				"-----BEGIN CERTIFICATE-----\n"
						+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(CA.certificate().getEncoded())
						+ "\n-----END CERTIFICATE-----\n");
		return file;
	}

}
