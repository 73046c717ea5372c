package dev.tlswatch.endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import dev.tlswatch.support.TestPem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link EndpointDraftValidator} on connect address, trust bundle, client certificate and
 * key.
 */
class ConnectionOptionsValidationTests {

	private static Issued root;

	private static Issued client;

	private static Issued otherClient;

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.rootCa("Options Test Root");
		client = TestCertificates.leaf("client").clientAuthOnly().issuedBy(root);
		otherClient = TestCertificates.leaf("other").keyType(KeyType.EC_P256).clientAuthOnly().issuedBy(root);
	}

	@ParameterizedTest
	@CsvSource({ "192.0.2.10, 192.0.2.10", "' 2001:DB8::0:1 ', 2001:db8::1", "[::1], ::1" })
	void connectAddressIsANormalisedIpLiteral(String given, String stored) {
		assertThat(validate(draft(given, null, null, null)).connectAddress()).isEqualTo(stored);
	}

	@ParameterizedTest
	@CsvSource({ "example.com, 'must be an IPv4 or IPv6 address, not a name'",
			"192.0.2.300, must be an IPv4 or IPv6 address", "'1.2.3.4 x', must be an IPv4 or IPv6 address" })
	void connectAddressMustBeAnIpLiteral(String given, String message) {
		assertViolations(draft(given, null, null, null), new FieldViolation("connectAddress", message));
	}

	@Test
	void trustBundleKeepsItsCertificates() {
		String bundle = TestPem.certificates(List.of(root.certificate(), client.certificate()));

		ValidEndpoint valid = validate(draft(null, bundle, null, null));

		assertThat(Pem.certificates(valid.trustBundle())).containsExactly(root.certificate(), client.certificate());
	}

	@Test
	void trustBundleIsBounded() {
		String one = TestPem.certificates(List.of(root.certificate()));
		String tooMany = String.join("",
				Collections.nCopies(EndpointDraftValidator.MAX_TRUST_BUNDLE_CERTIFICATES + 1, one));
		String tooLong = one + "x".repeat(EndpointDraftValidator.MAX_TRUST_BUNDLE_LENGTH);

		assertViolations(draft(null, tooMany, null, null),
				new FieldViolation("trustBundle", "must hold at most 100 certificates, not 101"));
		assertViolations(draft(null, tooLong, null, null),
				new FieldViolation("trustBundle", "must be at most 262144 characters of PEM"));
	}

	@Test
	void trustBundleMustBePem() {
		assertViolations(draft(null, "not pem", null, null),
				new FieldViolation("trustBundle", "contains no PEM certificate (-----BEGIN CERTIFICATE-----)"));
	}

	@Test
	void clientCertificateAndMatchingKeyAreStored() {
		ValidEndpoint valid = validate(draft(null, null, chain(client), TestPem.traditional(client.key())));

		assertThat(Pem.certificates(valid.clientCertificate())).containsExactlyElementsOf(client.chainWithoutRoot());
		assertThat(valid.clientKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
		assertThat(valid.toString()).doesNotContain("PRIVATE KEY");
	}

	@Test
	void keyOfAnotherCertificateIsRefused() {
		assertViolations(draft(null, null, chain(client), TestPem.pkcs8(otherClient.key())),
				new FieldViolation("clientKey", "does not belong to the first certificate of clientCertificate"));
	}

	@Test
	void keyWithoutCertificateAndCertificateWithoutKeyAreRefused() {
		assertViolations(draft(null, null, null, TestPem.pkcs8(client.key())),
				new FieldViolation("clientKey", "needs a clientCertificate"));
		assertViolations(draft(null, null, chain(client), null),
				new FieldViolation("clientKey", "is required with a clientCertificate"));
	}

	@Test
	void encryptedAndGarbageKeysAreRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(() -> validate(draft(null, null, chain(client), TestPem.encrypted(client.key(), "pw"))))
			.satisfies((ex) -> assertThat(ex.getViolations()).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("clientKey");
				assertThat(violation.message()).startsWith("is encrypted; give the key unencrypted");
			}));
		assertViolations(draft(null, null, "garbage", "garbage"),
				new FieldViolation("clientCertificate", "contains no PEM certificate (-----BEGIN CERTIFICATE-----)"),
				new FieldViolation("clientKey", "contains no PEM private key (-----BEGIN PRIVATE KEY-----)"));
	}

	@Test
	void oversizeClientPemIsRefused() {
		String padding = "\n".repeat(EndpointDraftValidator.MAX_CLIENT_PEM_LENGTH);
		assertViolations(draft(null, null, chain(client) + padding + "x", TestPem.pkcs8(client.key()) + padding + "x"),
				new FieldViolation("clientCertificate", "must be at most 65536 characters of PEM"),
				new FieldViolation("clientKey", "must be at most 65536 characters of PEM"));
	}

	@Test
	void anUpdateWithoutKeyKeepsTheStoredKeyOfTheSameCertificate() {
		String storedKey = TestPem.pkcs8(client.key());
		ValidEndpoint same = EndpointDraftValidator.validate(draft(null, null, chain(client), null), 60, storedKey);

		assertThat(same.clientKey()).isEqualTo(storedKey);
		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(
					() -> EndpointDraftValidator.validate(draft(null, null, chain(otherClient), null), 60, storedKey))
			.satisfies((ex) -> assertThat(ex.getViolations()).containsExactly(new FieldViolation("clientKey",
					"is required: the stored key does not belong to the first certificate of clientCertificate")));
	}

	@Test
	void noCertificateMeansNoKeyEvenIfOneIsStored() {
		ValidEndpoint valid = EndpointDraftValidator.validate(draft(null, null, null, null), 60,
				TestPem.pkcs8(client.key()));

		assertThat(valid.clientCertificate()).isNull();
		assertThat(valid.clientKey()).isNull();
	}

	@Test
	void draftsNeverShowTheKey() {
		String key = TestPem.pkcs8(client.key());

		assertThat(draft(null, null, chain(client), key).toString()).doesNotContain("PRIVATE KEY")
			.contains("clientKey=(given)");
	}

	private static String chain(Issued issued) {
		return TestPem.certificates(issued.chainWithoutRoot());
	}

	private static EndpointDraft draft(@Nullable String connectAddress, @Nullable String trustBundle,
			@Nullable String clientCertificate, @Nullable String clientKey) {
		return new EndpointDraft("mtls.example.com", 443, TlsMode.IMPLICIT, null, null, null, null, connectAddress,
				trustBundle, clientCertificate, clientKey);
	}

	private static ValidEndpoint validate(EndpointDraft draft) {
		return EndpointDraftValidator.validate(draft, 60);
	}

	private static void assertViolations(EndpointDraft draft, FieldViolation... expected) {
		List<FieldViolation> violations = new ArrayList<>();
		try {
			validate(draft);
		}
		catch (InvalidEndpointException ex) {
			violations.addAll(ex.getViolations());
		}
		assertThat(violations).containsExactly(expected);
	}

}
