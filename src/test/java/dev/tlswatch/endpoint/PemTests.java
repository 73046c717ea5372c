package dev.tlswatch.endpoint;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import dev.tlswatch.support.TestPem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Pem} on certificates and keys in the forms users paste.
 */
class PemTests {

	private static Issued root;

	private static Issued intermediate;

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.rootCa("Pem Test Root");
		intermediate = TestCertificates.intermediateCa("Pem Test Intermediate", root);
	}

	@Test
	void readsEveryCertificateInOrderIgnoringTextAround() {
		Issued leaf = TestCertificates.leaf("client").clientAuthOnly().issuedBy(intermediate);
		String pem = "subject=CN=client\n" + TestPem.certificates(leaf.chain()) + "trailing words\n";

		assertThat(Pem.certificates(pem)).containsExactlyElementsOf(leaf.chain());
	}

	@Test
	void refusesTextWithoutCertificates() {
		assertThatExceptionOfType(InvalidPemException.class).isThrownBy(() -> Pem.certificates("hello"))
			.withMessage("contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
	}

	@Test
	void refusesBrokenBase64AndUnreadableCertificates() {
		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----\n"))
			.withMessage("is not valid base64 inside PEM block 1");
		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
			.withMessage("has an unreadable certificate (block 1)");
	}

	@Test
	void refusesAKeyAmongCertificatesWithoutQuotingIt() {
		Issued leaf = TestCertificates.leaf("client").issuedBy(root);
		String pem = TestPem.certificates(List.of(leaf.certificate())) + TestPem.pkcs8(leaf.key());

		assertThatExceptionOfType(InvalidPemException.class).isThrownBy(() -> Pem.certificates(pem))
			.withMessage("must contain only CERTIFICATE blocks, not a private key (block 2)");
	}

	@Test
	void refusesAnUnterminatedBlock() {
		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n"))
			.withMessage("has a -----BEGIN line without its matching -----END line");
	}

	@ParameterizedTest
	@EnumSource(value = KeyType.class, names = { "RSA_2048", "EC_P256", "ED25519" })
	void readsPkcs8KeysThatMatchTheirCertificate(KeyType type) {
		Issued leaf = TestCertificates.leaf("client " + type).keyType(type).clientAuthOnly().issuedBy(root);

		PrivateKey key = Pem.privateKey(TestPem.pkcs8(leaf.key()));

		assertThat(key.getEncoded()).isEqualTo(leaf.key().getEncoded());
		assertThat(Pem.keyMatches(key, leaf.certificate().getPublicKey())).isTrue();
		assertThat(Pem.keyMatches(key, root.certificate().getPublicKey())).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = KeyType.class, names = { "RSA_2048", "EC_P256" })
	void readsTraditionalOpenSslKeys(KeyType type) {
		Issued leaf = TestCertificates.leaf("client " + type).keyType(type).issuedBy(root);
		String pem = TestPem.traditional(leaf.key());
		assertThat(pem).startsWith(
				(type == KeyType.RSA_2048) ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----");

		PrivateKey key = Pem.privateKey(pem);

		assertThat(key.getAlgorithm()).isEqualTo(leaf.key().getAlgorithm());
		assertThat(Pem.keyMatches(key, leaf.certificate().getPublicKey())).isTrue();
	}

	@Test
	void refusesEncryptedKeysWithAClearMessage() {
		Issued leaf = TestCertificates.leaf("client").issuedBy(root);

		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.privateKey(TestPem.encrypted(leaf.key(), "secret")))
			.withMessageStartingWith("is encrypted; give the key unencrypted");
		assertThatExceptionOfType(InvalidPemException.class).isThrownBy(() -> Pem.privateKey("""
				-----BEGIN RSA PRIVATE KEY-----
				Proc-Type: 4,ENCRYPTED
				DEK-Info: AES-128-CBC,00000000000000000000000000000000

				AAAA
				-----END RSA PRIVATE KEY-----
				""")).withMessageStartingWith("is encrypted");
	}

	@ParameterizedTest
	@EnumSource(value = KeyType.class, names = { "RSA_2048", "EC_P256", "ED25519" })
	void decryptsEncryptedPkcs8KeysWithTheirPassword(KeyType type) {
		Issued leaf = TestCertificates.leaf("client " + type).keyType(type).issuedBy(root);

		PrivateKey key = Pem.privateKey(TestPem.encrypted(leaf.key(), "correct horse"), "correct horse"::toCharArray);

		assertThat(key.getEncoded()).isEqualTo(leaf.key().getEncoded());
		assertThat(key.getClass().getName()).as("the JDK's own key class").startsWith("sun.security.");
	}

	@Test
	void decryptsOpenSslsLegacyEncryptedKeys() throws Exception {
		Issued leaf = TestCertificates.leaf("client").issuedBy(root);
		String pem = TestPem.legacyEncrypted(leaf.key(), "s3cret");
		assertThat(pem).contains("Proc-Type: 4,ENCRYPTED");

		PrivateKey key = Pem.privateKey(pem, "s3cret"::toCharArray);

		assertThat(Pem.keyMatches(key, leaf.certificate().getPublicKey())).isTrue();
		assertThatExceptionOfType(InvalidPemException.class).isThrownBy(() -> Pem.privateKey(pem))
			.withMessageStartingWith("is encrypted; give the key unencrypted");
	}

	@Test
	void aWrongPasswordIsSaidWithoutQuotingAnything() {
		Issued leaf = TestCertificates.leaf("client").issuedBy(root);

		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.privateKey(TestPem.encrypted(leaf.key(), "right"), "wrong"::toCharArray))
			.withMessage("cannot be decrypted with the password given");
	}

	@Test
	void readsAnEcKeyAfterItsEcParametersBlock() {
		Issued leaf = TestCertificates.leaf("client").keyType(KeyType.EC_P256).issuedBy(root);
		String parameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

		PrivateKey key = Pem.privateKey(parameters + TestPem.traditional(leaf.key()));

		assertThat(Pem.keyMatches(key, leaf.certificate().getPublicKey())).isTrue();
	}

	@Test
	void readsOpenSslTrustedCertificates() throws Exception {
		String trusted = TestPem.certificates(List.of(root.certificate()))
			.replace("BEGIN CERTIFICATE", "BEGIN TRUSTED CERTIFICATE")
			.replace("END CERTIFICATE", "END TRUSTED CERTIFICATE");

		assertThat(Pem.certificates(trusted)).containsExactly(root.certificate());
	}

	@Test
	void refusesKeysOfOtherAlgorithms() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
		generator.initialize(2048);

		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.privateKey(TestPem.pkcs8(generator.generateKeyPair().getPrivate())))
			.withMessage("must be an RSA, EC or Ed25519 key");
	}

	@Test
	void refusesCertificatesGarbageAndSeveralKeysAsAKey() {
		Issued leaf = TestCertificates.leaf("client").issuedBy(root);
		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.privateKey(TestPem.certificates(List.of(leaf.certificate()))))
			.withMessage("must be a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block, not a CERTIFICATE block");
		assertThatExceptionOfType(InvalidPemException.class).isThrownBy(() -> Pem.privateKey("garbage"))
			.withMessage("contains no PEM private key (-----BEGIN PRIVATE KEY-----)");
		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.privateKey(TestPem.pkcs8(leaf.key()) + TestPem.pkcs8(leaf.key())))
			.withMessage("must contain exactly one PEM block");
		assertThatExceptionOfType(InvalidPemException.class)
			.isThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
			.withMessage("is not a readable PKCS#8 private key");
	}

}
