package dev.tlswatch.probe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The facts of one X.509 certificate, as a server sent it.
 *
 * @param sha256 lower-case hex SHA-256 of the DER encoding (64 characters)
 * @param subject the subject distinguished name (RFC 2253)
 * @param issuer the issuer distinguished name (RFC 2253)
 * @param serialNumber the serial number in upper-case hex
 * @param subjectAltNames DNS and IP subject alternative names, as {@code DNS:name} or
 * {@code IP:address}
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyAlgorithm public key algorithm ({@code RSA}, {@code EC}, {@code Ed25519}...)
 * @param keySize key size in bits, {@code null} where unknown
 * @param signatureAlgorithm the signature algorithm name ({@code SHA256withRSA}...)
 * @param selfSigned whether subject and issuer are equal and the key verifies its own
 * signature
 * @param pem the PEM encoding
 */
public record CertificateInfo(String sha256, String subject, String issuer, String serialNumber,
		List<String> subjectAltNames, Instant notBefore, Instant notAfter, String keyAlgorithm,
		@Nullable Integer keySize, String signatureAlgorithm, boolean selfSigned, String pem) {

	public CertificateInfo {
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(notBefore, "notBefore");
		Objects.requireNonNull(notAfter, "notAfter");
		subjectAltNames = List.copyOf(subjectAltNames);
	}

}
