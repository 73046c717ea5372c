package dev.tlswatch.web;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PemFingerprintTests {

	private static final Issued ROOT = TestCertificates.rootCa("Fingerprint Root");

	@Test
	void isTheSha1OfTheCertificatesDerEncoding() throws Exception {
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(ROOT.certificate().getEncoded()));

		assertThat(PemFingerprint.sha1(TestPem.certificates(List.of(ROOT.certificate())))).isEqualTo(expected);
	}

	@Test
	void textThatIsNoCertificateHasNone() {
		assertThat(PemFingerprint.sha1("not pem")).isNull();
		assertThat(PemFingerprint.sha1("-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----\n")).isNull();
	}

	@Test
	void isOfTheStoredBytesEvenWhenTheyAreNoCertificate() throws Exception {
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(new byte[] { 0, 0, 0 }));

		assertThat(PemFingerprint.sha1("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
			.isEqualTo(expected);
	}

}
