package dev.tlswatch.probe.cert;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.CertificateInfo;

/**
 * Turns an X.509 certificate into its {@link CertificateInfo}. Texts taken from the
 * certificate are bounded, since a server may send anything.
 */
final class CertificateFacts {

	/** Subject alternative names kept per certificate. */
	static final int MAX_SUBJECT_ALT_NAMES = 500;

	/**
	 * Characters kept of one subject alternative name; a DNS name has at most 253, plus a
	 * trailing dot.
	 */
	static final int MAX_SUBJECT_ALT_NAME_LENGTH = 255;

	/** Characters kept of a distinguished name. */
	static final int MAX_DISTINGUISHED_NAME_LENGTH = 2048;

	private static final String PEM_HEADER = "-----BEGIN CERTIFICATE-----\n";

	private static final String PEM_FOOTER = "-----END CERTIFICATE-----\n";

	// RFC 7468 §2: lines of 64 characters
	private static final Base64.Encoder PEM_ENCODER = Base64.getMimeEncoder(64, new byte[] { '\n' });

	private CertificateFacts() {
	}

	/**
	 * The facts of a certificate.
	 * @param certificate the certificate
	 * @return its facts
	 */
	static CertificateInfo describe(X509Certificate certificate) {
		byte[] der = encoded(certificate);
		PublicKey key = certificate.getPublicKey();
		return new CertificateInfo(sha256(der), distinguishedName(certificate.getSubjectX500Principal()),
				distinguishedName(certificate.getIssuerX500Principal()), serialNumber(certificate),
				subjectAltNames(certificate), certificate.getNotBefore().toInstant(),
				certificate.getNotAfter().toInstant(), KeyFacts.algorithm(key), KeyFacts.size(key),
				certificate.getSigAlgName(), isSelfSigned(certificate), pem(der));
	}

	/**
	 * Whether subject and issuer are equal and the certificate's key verifies its own
	 * signature.
	 * @param certificate the certificate
	 * @return whether it is self-signed
	 */
	static boolean isSelfSigned(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
				&& signedBy(certificate, certificate.getPublicKey());
	}

	/**
	 * Whether a key verifies a certificate's signature.
	 * @param certificate the certificate
	 * @param key the candidate issuer's public key
	 * @return whether the signature verifies
	 */
	static boolean signedBy(X509Certificate certificate, PublicKey key) {
		try {
			certificate.verify(key);
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// A bad or unsupported signature: not signed by this key, whatever the names
			// say
			return false;
		}
	}

	private static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(
					"Unable to encode certificate " + certificate.getSubjectX500Principal().getName(), ex);
		}
	}

	private static String sha256(byte[] der) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK provides SHA-256", ex);
		}
	}

	private static String distinguishedName(X500Principal principal) {
		return bounded(principal.getName(X500Principal.RFC2253), MAX_DISTINGUISHED_NAME_LENGTH);
	}

	private static String serialNumber(X509Certificate certificate) {
		return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
	}

	private static List<String> subjectAltNames(X509Certificate certificate) {
		return SubjectAltNames.of(certificate)
			.names()
			.stream()
			.limit(MAX_SUBJECT_ALT_NAMES)
			.map((name) -> name.type() + ":" + bounded(name.value(), MAX_SUBJECT_ALT_NAME_LENGTH))
			.toList();
	}

	private static String pem(byte[] der) {
		return PEM_HEADER + PEM_ENCODER.encodeToString(der) + "\n" + PEM_FOOTER;
	}

	static String bounded(String text, int maxLength) {
		return (text.length() <= maxLength) ? text : text.substring(0, maxLength);
	}

}
