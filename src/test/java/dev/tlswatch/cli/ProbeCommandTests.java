package dev.tlswatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeCommandTests {

	private static final Issued CA = TestCertificates.rootCa("CLI Test Root");

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void printsOneJsonDocumentPerTarget() throws Exception {
		Issued leaf = TestCertificates.leaf("localhost \"quoted\" <b>").dnsNames("localhost").issuedBy(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			int status = run("--json", "--trust", trustFile().toString(), "--mode", "IMPLICIT", "--sni", "localhost",
					"127.0.0.1:" + server.port());

			assertThat(status).isZero();
			List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
			assertThat(lines).hasSize(1);
			JsonNode document = JsonMapper.builder().build().readTree(lines.get(0));
			assertThat(document.get("target").asString()).isEqualTo("127.0.0.1:" + server.port());
			JsonNode address = document.get("addresses").get(0);
			assertThat(address.get("address").asString()).isEqualTo("127.0.0.1");
			assertThat(address.get("outcome").asString()).isEqualTo("OK");
			assertThat(address.get("protocols").get("TLSv1.2").asBoolean()).isTrue();
			assertThat(address.get("protocols").get("TLSv1.3").asBoolean()).isTrue();
			assertThat(address.get("protocols").get("SSLv3").asBoolean()).isFalse();
			// JSSE turns away an SSL 2.0 CLIENT-HELLO
			assertThat(address.get("protocols").get("SSLv2").isBoolean()).isTrue();
			assertThat(address.get("protocols").get("SSLv2").asBoolean()).isFalse();
			assertThat(address.get("sslv2CipherKinds").isNull()).isTrue();
			assertThat(address.get("chachaPreference").has("TLSv1.2")).isTrue();
			assertThat(address.get("chachaPreference").has("TLSv1.3")).isTrue();
			JsonNode vulnerabilities = address.get("vulnerabilities");
			assertThat(vulnerabilities.size()).isEqualTo(12);
			assertThat(vulnerabilities.get(0).get("id").asString()).isEqualTo("HEARTBLEED");
			assertThat(vulnerabilities.get(0).get("status").asString()).isEqualTo("NOT_VULNERABLE");
			assertThat(vulnerabilities.get(0).get("detail").asString()).isEqualTo("No heartbeat extension");
			assertThat(vulnerabilities.get(3).get("id").asString()).isEqualTo("ROBOT");
			assertThat(vulnerabilities.get(11).get("id").asString()).isEqualTo("LUCKY13");
			assertThat(address.get("chain").get(0).get("subject").asString())
				.isEqualTo(leaf.certificate().getSubjectX500Principal().getName());
			assertThat(address.get("trust").asString()).isEqualTo("TRUSTED");
			assertThat(address.get("hostnameMatches").asBoolean()).isTrue();
			// Not an HTTPS server (a random port, no ALPN): HSTS does not apply, so
			// nothing withholds A+
			assertThat(address.get("grade").asString()).isEqualTo("A+");
			assertThat(address.get("hsts").get("state").asString()).isEqualTo("NOT_APPLICABLE");
			assertThat(address.get("ocspStapled").asBoolean()).isFalse();
			assertThat(address.get("ocspStapled").isBoolean()).isTrue();
			assertThat(address.get("gradeReasons").isArray()).isTrue();
			assertThat(address.get("connections").asInt()).as("handshake, versions, suites, groups, features")
				.isGreaterThan(6);
			assertThat(address.get("elapsedMillis").isNumber()).isTrue();
			assertThat(address.get("cipherSuites").get("TLSv1.3").valueStream().map(JsonNode::asString))
				.contains("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
			assertThat(address.get("cipherSuites").get("TLSv1.0").isNull()).isTrue();
			assertThat(address.get("serverOrder").get("TLSv1.2").asString()).isIn("SERVER", "CLIENT");
			assertThat(address.get("groups").valueStream().map(JsonNode::asString)).contains("x25519");
		}
	}

	@Test
	void printsAReadableReport() throws Exception {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			int status = run("--trust", trustFile().toString(), "127.0.0.1:" + server.port(), "--sni", "localhost");

			String text = this.out.toString(StandardCharsets.UTF_8);
			assertThat(status).isZero();
			assertThat(text).contains("127.0.0.1:" + server.port(), "127.0.0.1: OK", "SSLv2 no, SSLv3 no",
					"TLSv1.2 yes", "TLSv1.3 yes", "trust        TRUSTED, name matches", "grade        A",
					"TLSv1.3 suites", "TLS_AES_128_GCM_SHA256  strong", "groups TLSv1.3");
			assertThat(text).containsPattern("probe        \\d+ connections");
		}
	}

	@Test
	void targetThatDoesNotAnswerFailsTheRun() {
		int status = run("--json", "127.0.0.1:" + TestTcpServer.refusedPort());

		assertThat(status).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"CONNECTION_REFUSED\"");
	}

	@Test
	void usageErrorsAreExplained() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("--mode", "NOPE", "a:1")).isEqualTo(2);
		assertThat(run("host-without-port")).isEqualTo(2);
		assertThat(run("host:70000")).isEqualTo(2);
		assertThat(run("--bogus", "a:1")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("No target given", "Unknown --mode NOPE",
				"Targets are HOST:PORT", "Port must be between 1 and 65535", "Unknown option --bogus", "Usage:");
	}

	@Test
	void presentsTheClientCertificateToAnMtlsServer() throws Exception {
		Issued clientRoot = TestCertificates.rootCa("CLI Client Root");
		Issued client = TestCertificates.leaf("cli client").clientAuthOnly().issuedBy(clientRoot);
		Issued leaf = TestCertificates.localhost(CA);
		Path certificate = Files.writeString(this.directory.resolve("client.pem"),
				TestPem.certificates(client.chainWithoutRoot()));
		Path key = Files.writeString(this.directory.resolve("client-key.pem"), TestPem.traditional(client.key()));
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.requireClientAuth(clientRoot.certificate())
			.start()) {
			int status = run("--json", "--trust", trustFile().toString(), "--sni", "localhost", "--client-cert",
					certificate.toString(), "--client-key", key.toString(), "127.0.0.1:" + server.port());

			assertThat(server.awaitHandshake().clientSubject()).isEqualTo("CN=cli client");
			assertThat(status).isZero();
			JsonNode address = JsonMapper.builder()
				.build()
				.readTree(this.out.toString(StandardCharsets.UTF_8))
				.get("addresses")
				.get(0);
			assertThat(address.get("outcome").asString()).isEqualTo("OK");
			assertThat(address.get("chain").get(0).get("subject").asString()).isEqualTo("CN=localhost");
			assertThat(this.out.toString(StandardCharsets.UTF_8)).doesNotContain("PRIVATE KEY");
		}
	}

	@Test
	void withoutTheClientCertificateTheMtlsServerIsAFailureThatSaysWhy() throws Exception {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.requireClientAuth(CA.certificate())
			.start()) {
			run("--trust", trustFile().toString(), "--sni", "localhost", "127.0.0.1:" + server.port());

			assertThat(this.out.toString(StandardCharsets.UTF_8))
				.contains("TLS_FAILURE (The server requires a client certificate and none is configured");
		}
	}

	@Test
	void clientCertificateAndKeyGoTogether() throws Exception {
		Path certificate = Files.writeString(this.directory.resolve("client.pem"),
				TestPem.certificates(List.of(CA.certificate())));

		int status = run("--client-cert", certificate.toString(), "127.0.0.1:443");

		assertThat(status).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(
				"probe: --client-cert and --client-key go together", "[--client-cert FILE.pem --client-key FILE.pem]");
	}

	@Test
	void aKeyOfAnotherCertificateOrAnEncryptedKeyIsAUsageError() throws Exception {
		Issued client = TestCertificates.leaf("cli client").clientAuthOnly().issuedBy(CA);
		Path certificate = Files.writeString(this.directory.resolve("client.pem"),
				TestPem.certificates(client.chainWithoutRoot()));
		Path otherKey = Files.writeString(this.directory.resolve("other-key.pem"), TestPem.pkcs8(CA.key()));
		Path encrypted = Files.writeString(this.directory.resolve("encrypted-key.pem"),
				TestPem.encrypted(client.key(), "pw"));

		assertThat(run("--client-cert", certificate.toString(), "--client-key", otherKey.toString(), "127.0.0.1:443"))
			.isEqualTo(2);
		assertThat(run("--client-cert", certificate.toString(), "--client-key", encrypted.toString(), "127.0.0.1:443"))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("does not belong to the first certificate of")
			.contains("--client-key " + encrypted + " is encrypted; give the key unencrypted");
	}

	private int run(String... args) {
		return new ProbeCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.run(List.of(args));
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
