package dev.tlswatch.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.tlswatch.endpoint.InvalidPemException;
import dev.tlswatch.endpoint.Pem;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-1 fingerprint of a stored certificate, from its PEM encoding (read by
 * {@link Pem}, the one PEM reader): the store keys certificates by SHA-256 only, and many
 * tools still show SHA-1.
 */
final class PemFingerprint {

	/** Far above any real certificate; a stored PEM larger than this is not decoded. */
	private static final int MAX_PEM_LENGTH = 256 * 1024;

	private PemFingerprint() {
	}

	/**
	 * The SHA-1 of the DER encoding inside a PEM certificate.
	 * @param pem one {@code CERTIFICATE} PEM block
	 * @return lower-case hex, {@code null} when the text is no PEM certificate
	 */
	static @Nullable String sha1(String pem) {
		byte[] der = der(pem);
		return (der != null) ? HexFormat.of().formatHex(digest("SHA-1").digest(der)) : null;
	}

	private static byte @Nullable [] der(String pem) {
		if (pem.length() > MAX_PEM_LENGTH) {
			return null;
		}
		try {
			return Pem.certificateBytes(pem);
		}
		catch (InvalidPemException ex) {
			// Not a readable certificate: no fingerprint rather than a broken page.
			return null;
		}
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Unable to compute " + algorithm + " fingerprints", ex);
		}
	}

}
