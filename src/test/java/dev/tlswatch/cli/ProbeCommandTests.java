package dev.tlswatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
			// Decided by the TLS 1.2 sweep's ServerHello, without a connection of its own
			assertThat(vulnerabilities.get(0).get("detail").asString()).isEqualTo(
					"No heartbeat extension in the ServerHello that answered the TLS 1.2 sweep, which offered it");
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
			assertThat(address.get("clientCertificateRequested").asBoolean()).isFalse();
			assertThat(address.get("clientCertificateRequested").isBoolean()).isTrue();
			assertThat(address.get("clientCertificateAuthorities").isArray()).isTrue();
			assertThat(address.get("clientCertificateAuthorities").isEmpty()).isTrue();
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
	void jsonKeepsItsShapeWithEveryFieldInOrder() throws Exception {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			run("--json", "--trust", trustFile().toString(), "127.0.0.1:" + server.port());

			JsonNode document = JsonMapper.builder().build().readTree(this.out.toString(StandardCharsets.UTF_8));
			assertThat(document.propertyNames()).containsExactly("target", "error", "addresses");
			assertThat(document.get("error").isNull()).isTrue();
			JsonNode address = document.get("addresses").get(0);
			assertThat(address.propertyNames()).containsExactly("address", "outcome", "error", "protocol",
					"cipherSuite", "protocols", "cipherSuites", "serverOrder", "chachaPreference", "sslv2CipherKinds",
					"groups", "chain", "chainIssues", "ocspStapled", "clientCertificateRequested",
					"clientCertificateAuthorities", "hsts", "vulnerabilities", "trust", "trustError", "hostnameMatches",
					"grade", "gradeReasons", "connections", "elapsedMillis", "revocation");
			assertThat(address.get("revocation").propertyNames()).containsExactly("status", "source", "reason",
					"revokedAt", "detail");
			assertThat(address.get("protocols").propertyNames()).containsExactly("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1",
					"TLSv1.2", "TLSv1.3");
			assertThat(address.get("chain").get(0).propertyNames()).containsExactly("subject", "issuer", "notBefore",
					"notAfter", "sha256", "subjectAltNames", "keyAlgorithm", "keySize", "signatureAlgorithm",
					"revocation");
			assertThat(address.get("chain").get(0).get("notAfter").asString())
				.isEqualTo(leaf.certificate().getNotAfter().toInstant().toString());
			assertThat(address.get("hsts").propertyNames()).containsExactly("state", "maxAge", "includeSubDomains",
					"preload", "header", "detail");
		}
	}

	@Test
	void aServerEscapingItsStringsStaysValidJson() throws Exception {
		Issued leaf = TestCertificates.leaf("quote \" backslash \\ newline \n tab \t").selfSigned();
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			run("--json", "127.0.0.1:" + server.port());

			List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
			assertThat(lines).hasSize(1);
			JsonNode chain = JsonMapper.builder().build().readTree(lines.get(0)).get("addresses").get(0).get("chain");
			assertThat(chain.get(0).get("subject").asString())
				.isEqualTo(leaf.certificate().getSubjectX500Principal().getName());
		}
	}

	@Test
	void targetThatDoesNotAnswerFailsTheRun() {
		int status = run("--json", "127.0.0.1:" + TestTcpServer.refusedPort());

		assertThat(status).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"CONNECTION_REFUSED\"");
	}

	@Test
	void garbageAnAlertAndAResetFailTheRunLikeARefusedPortAndPrintNoNull() throws Exception {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTcpServer garbage = TestTcpServer.garbage();
				TestTcpServer reset = TestTcpServer.start(ProbeCommandTests::reset);
				TestTlsServer alert = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
					.requireClientAuth(CA.certificate())
					.start()) {
			assertThat(run("127.0.0.1:" + garbage.port())).isEqualTo(1);
			assertThat(run("127.0.0.1:" + reset.port())).isEqualTo(1);
			assertThat(run("--trust", trustFile().toString(), "127.0.0.1:" + alert.port())).isEqualTo(1);
			assertThat(run("127.0.0.1:" + garbage.port(), "127.0.0.1:" + alert.port())).isEqualTo(1);

			String text = this.out.toString(StandardCharsets.UTF_8);
			assertThat(text).contains("TLS_FAILURE", "negotiated   none (no completed handshake)")
				.doesNotContainPattern("\\bnull\\b");
		}
	}

	@Test
	void usageErrorsAreExplainedAndExitTwo() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("--mode", "NOPE", "a:1")).isEqualTo(2);
		assertThat(run("host-without-port")).isEqualTo(2);
		assertThat(run("host:70000")).isEqualTo(2);
		assertThat(run("--bogus", "a:1")).isEqualTo(2);
		assertThat(run("--min-grade", "B", "a:1")).isEqualTo(2);
		assertThat(run("--trust", this.directory.resolve("missing.pem").toString(), "a:1")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'HOST:PORT'",
				"Invalid value for option '--mode'", "NOPE", "Targets are HOST:PORT",
				"Port must be between 1 and 65535", "Unknown option: '--bogus'",
				"--min-grade and --require-trusted go with --check", "Unable to read --trust", "Usage:");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void modesAreCaseInsensitive() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(TestCertificates.localhost(CA))) {
			assertThat(run("--mode", "implicit", "--trust", trustFile().toString(), "--sni", "localhost",
					"127.0.0.1:" + server.port()))
				.isZero();
		}
	}

	@Test
	void helpAndVersionExitZero() {
		assertThat(run("--help")).isZero();
		String help = this.out.toString(StandardCharsets.UTF_8);
		assertThat(help)
			.contains("Usage: java -jar tlswatch.jar probe", "HOST:PORT", "--check", "--warn-days", "--crit-days",
					"--min-grade", "--require-trusted", "--json", "--client-key-password-file",
					"Exit status (without --check)", "3   UNKNOWN")
			.doesNotContain("null");
		this.out.reset();

		assertThat(run("--version")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("TLSWatch ").contains("Java ");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEmpty();
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
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("probe: --client-cert and --client-key go together", "--client-key=FILE.pem");
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
			.contains("--client-key " + encrypted + " is encrypted; give its password with --client-key-password-file");
	}

	@Test
	void anEncryptedKeyIsReadWithItsPasswordFile() throws Exception {
		Issued clientRoot = TestCertificates.rootCa("CLI Encrypted Client Root");
		Issued client = TestCertificates.leaf("cli client").clientAuthOnly().issuedBy(clientRoot);
		Issued leaf = TestCertificates.localhost(CA);
		Path certificate = Files.writeString(this.directory.resolve("client.pem"),
				TestPem.certificates(client.chainWithoutRoot()));
		Path key = Files.writeString(this.directory.resolve("client-key.pem"),
				TestPem.encrypted(client.key(), "s3cret"));
		Path password = Files.writeString(this.directory.resolve("password"), "s3cret\n");
		Path wrong = Files.writeString(this.directory.resolve("wrong"), "guess\n");
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.requireClientAuth(clientRoot.certificate())
			.start()) {
			assertThat(run("--trust", trustFile().toString(), "--sni", "localhost", "--client-cert",
					certificate.toString(), "--client-key", key.toString(), "--client-key-password-file",
					wrong.toString(), "127.0.0.1:" + server.port()))
				.isEqualTo(2);
			assertThat(this.err.toString(StandardCharsets.UTF_8))
				.contains("cannot be decrypted with the password given")
				.doesNotContain("guess");

			int status = run("--trust", trustFile().toString(), "--sni", "localhost", "--client-cert",
					certificate.toString(), "--client-key", key.toString(), "--client-key-password-file",
					password.toString(), "127.0.0.1:" + server.port());

			assertThat(status).isZero();
			assertThat(server.awaitHandshake().clientSubject()).isEqualTo("CN=cli client");
		}
	}

	private int run(String... args) {
		List<String> command = new ArrayList<>();
		command.add("probe");
		command.addAll(List.of(args));
		return TlsWatchCli.run(command.toArray(String[]::new), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	/** Reads the ClientHello, then resets the connection. */
	private static void reset(Socket socket) throws Exception {
		socket.getInputStream().read(new byte[512]);
		socket.setSoLinger(true, 0);
		socket.close();
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
