package dev.tlswatch.probe.cert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.stream.IntStream;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts of a certificate: {@link CertificateFacts}.
 */
class CertificateFactsTests {

	private static Issued root;

	private static Issued intermediate;

	@BeforeAll
	static void createCas() {
		root = TestCertificates.rootCa("Facts Root");
		intermediate = TestCertificates.intermediateCa("Facts Intermediate", root);
	}

	@Test
	void ecLeafHasItsFieldSizeAsKeySize() {
		Issued leaf = TestCertificates.leaf("ec.example").keyType(KeyType.EC_P256).issuedBy(intermediate);
		CertificateInfo info = CertificateFacts.describe(leaf.certificate());
		assertThat(info.keyAlgorithm()).isEqualTo("EC");
		assertThat(info.keySize()).isEqualTo(256);
		assertThat(info.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
	}

	@Test
	void rsaLeafHasItsModulusLengthAsKeySize() {
		Issued leaf = TestCertificates.leaf("rsa.example").issuedBy(intermediate);
		CertificateInfo info = CertificateFacts.describe(leaf.certificate());
		assertThat(info.keyAlgorithm()).isEqualTo("RSA");
		assertThat(info.keySize()).isEqualTo(2048);
	}

	@Test
	void namesValidityAndIdentifiersAreTakenAsIssued() throws Exception {
		Instant notBefore = Instant.parse("2024-01-02T03:04:05Z");
		Instant notAfter = Instant.parse("2024-04-01T00:00:00Z");
		Issued leaf = TestCertificates.leaf("www.example.com")
			.keyType(KeyType.EC_P256)
			.validity(notBefore, notAfter)
			.issuedBy(intermediate);
		X509Certificate certificate = leaf.certificate();
		CertificateInfo info = CertificateFacts.describe(certificate);
		assertThat(info.subject()).isEqualTo("CN=www.example.com");
		assertThat(info.issuer()).isEqualTo("CN=Facts Intermediate");
		assertThat(info.notBefore()).isEqualTo(notBefore);
		assertThat(info.notAfter()).isEqualTo(notAfter);
		assertThat(info.serialNumber()).matches("[0-9A-F]+")
			.isEqualTo(certificate.getSerialNumber().toString(16).toUpperCase());
		assertThat(info.sha256()).matches("[0-9a-f]{64}")
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
	}

	@Test
	void subjectAltNamesAreFormattedInOrderWithNormalizedAddresses() {
		Issued leaf = TestCertificates.leaf("sans")
			.keyType(KeyType.EC_P256)
			.dnsNames("www.example.com", "*.example.com")
			.ipAddresses("192.0.2.1", "2001:db8::1")
			.dnsNames("example.com")
			.issuedBy(intermediate);
		assertThat(CertificateFacts.describe(leaf.certificate()).subjectAltNames()).containsExactly(
				"DNS:www.example.com", "DNS:*.example.com", "IP:192.0.2.1", "IP:2001:db8:0:0:0:0:0:1",
				"DNS:example.com");
	}

	@Test
	void hostileCommonNameIsKeptAsText() {
		Issued leaf = TestCertificates.leaf("<script>alert(1)</script>")
			.keyType(KeyType.EC_P256)
			.issuedBy(intermediate);
		CertificateInfo info = CertificateFacts.describe(leaf.certificate());
		// RFC 2253 escapes '<' and '>'; escaping for HTML is the page's business
		assertThat(info.subject()).isEqualTo("CN=\\<script\\>alert(1)\\</script\\>");
		assertThat(info.subjectAltNames()).isEmpty();
	}

	@Test
	void subjectAltNamesAreBounded() {
		String[] names = IntStream.range(0, 600).mapToObj((i) -> "host" + i + ".example.com").toArray(String[]::new);
		Issued leaf = TestCertificates.leaf("many").keyType(KeyType.EC_P256).dnsNames(names).issuedBy(intermediate);
		assertThat(CertificateFacts.describe(leaf.certificate()).subjectAltNames())
			.hasSize(CertificateFacts.MAX_SUBJECT_ALT_NAMES)
			.startsWith("DNS:host0.example.com");
	}

	@Test
	void overlongSubjectAltNameIsTruncated() {
		Issued leaf = TestCertificates.leaf("long")
			.keyType(KeyType.EC_P256)
			.dnsNames("a".repeat(1000))
			.issuedBy(intermediate);
		assertThat(CertificateFacts.describe(leaf.certificate()).subjectAltNames())
			.containsExactly("DNS:" + "a".repeat(CertificateFacts.MAX_SUBJECT_ALT_NAME_LENGTH));
	}

	@Test
	void selfSignedNeedsEqualNamesAndItsOwnSignature() {
		Issued selfSigned = TestCertificates.leaf("self").keyType(KeyType.EC_P256).selfSigned();
		Issued sameNameAsIssuer = TestCertificates.intermediateCa("Facts Root", root);
		assertThat(CertificateFacts.describe(selfSigned.certificate()).selfSigned()).isTrue();
		assertThat(CertificateFacts.describe(root.certificate()).selfSigned()).isTrue();
		assertThat(CertificateFacts.describe(intermediate.certificate()).selfSigned()).isFalse();
		assertThat(CertificateFacts.describe(sameNameAsIssuer.certificate()).selfSigned()).isFalse();
	}

	@Test
	void pemHasSixtyFourCharacterLinesAndDecodesToTheSameCertificate() throws Exception {
		X509Certificate certificate = TestCertificates.leaf("pem").issuedBy(intermediate).certificate();
		String pem = CertificateFacts.describe(certificate).pem();
		assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
		assertThat(pem.lines().filter((line) -> !line.startsWith("-----"))).allMatch((line) -> line.length() <= 64)
			.first()
			.satisfies((line) -> assertThat(line).hasSize(64));
		X509Certificate decoded = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		assertThat(decoded).isEqualTo(certificate);
	}

	@Test
	void validityIsKeptToTheSecond() {
		Instant notAfter = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Issued leaf = TestCertificates.leaf("validity")
			.keyType(KeyType.EC_P256)
			.validity(Instant.now().minus(1, ChronoUnit.DAYS), notAfter)
			.issuedBy(root);
		assertThat(CertificateFacts.describe(leaf.certificate()).notAfter()).isEqualTo(notAfter);
	}

}
