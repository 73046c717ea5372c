package dev.tlswatch.endpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

import javax.security.auth.x500.X500Principal;

/**
 * What a configured certificate is, for showing: never the key.
 *
 * @param subject the subject distinguished name (RFC 2253)
 * @param issuer the issuer distinguished name (RFC 2253)
 * @param notAfter the end of its validity
 * @param sha256 the SHA-256 fingerprint of its DER encoding, lower-case hex
 */
public record CertificateSummary(String subject, String issuer, Instant notAfter, String sha256) {

	/**
	 * Summarise a certificate.
	 * @param certificate the certificate
	 * @return its summary
	 */
	public static CertificateSummary of(X509Certificate certificate) {
		return new CertificateSummary(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
				certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
				certificate.getNotAfter().toInstant(), sha256(certificate));
	}

	private static String sha256(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("Unable to fingerprint " + certificate.getSubjectX500Principal(), ex);
		}
	}

}
