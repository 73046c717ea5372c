package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import org.jspecify.annotations.Nullable;

/**
 * A certificate TLSWatch has seen, with its PEM encoding.
 *
 * @param sha256 lower-case hex SHA-256 of the DER encoding
 * @param subject subject DN
 * @param issuer issuer DN
 * @param serialNumber serial in upper-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param subjectAltNames {@code DNS:...} and {@code IP:...} names
 * @param keyAlgorithm key algorithm
 * @param keySize key size in bits, {@code null} if unknown
 * @param signatureAlgorithm signature algorithm
 * @param selfSigned whether it signs itself
 * @param pem the PEM encoding
 */
record CertificateResponse(String sha256, String subject, String issuer, String serialNumber, Instant notBefore,
		Instant notAfter, List<String> subjectAltNames, String keyAlgorithm, @Nullable Integer keySize,
		String signatureAlgorithm, boolean selfSigned, String pem) {

	static CertificateResponse of(CertificateInfo certificate) {
		return new CertificateResponse(certificate.sha256(), certificate.subject(), certificate.issuer(),
				certificate.serialNumber(), certificate.notBefore(), certificate.notAfter(),
				certificate.subjectAltNames(), certificate.keyAlgorithm(), certificate.keySize(),
				certificate.signatureAlgorithm(), certificate.selfSigned(), certificate.pem());
	}

}
