package dev.tlswatch.scan;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored certificate, keyed by the SHA-256 of its DER encoding.
 *
 * @param sha256 lower-case hex fingerprint
 * @param subject subject DN
 * @param issuer issuer DN
 * @param serialNumber serial in upper-case hex
 * @param subjectAltNames {@code DNS:...} and {@code IP:...} names
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyAlgorithm key algorithm
 * @param keySize key size in bits, {@code null} if unknown
 * @param signatureAlgorithm signature algorithm
 * @param selfSigned whether it signs itself
 * @param pem the PEM encoding
 */
public record CertificateDetails(String sha256, String subject, String issuer, String serialNumber,
		List<String> subjectAltNames, Instant notBefore, Instant notAfter, String keyAlgorithm,
		@Nullable Integer keySize, String signatureAlgorithm, boolean selfSigned, String pem) {

	public CertificateDetails {
		subjectAltNames = List.copyOf(subjectAltNames);
	}

}
