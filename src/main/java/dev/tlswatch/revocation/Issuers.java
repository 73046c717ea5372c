package dev.tlswatch.revocation;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jspecify.annotations.Nullable;

/**
 * Finds the issuer of each certificate of a chain: a later certificate of the chain, or a
 * trust anchor (the probe's extra anchors, then the JDK's trust store), whose subject is
 * the certificate's issuer and whose key verifies its signature.
 */
final class Issuers {

	private Issuers() {
	}

	/**
	 * The issuer of a certificate.
	 * @param chain the chain as sent
	 * @param index the certificate's position
	 * @param anchors the extra trust anchors
	 * @return the issuer, {@code null} when none was found
	 */
	static @Nullable X509Certificate of(List<X509Certificate> chain, int index, List<X509Certificate> anchors) {
		X509Certificate certificate = chain.get(index);
		List<X509Certificate> candidates = new ArrayList<>(chain.subList(index + 1, chain.size()));
		candidates.addAll(anchors);
		candidates.addAll(JdkAnchors.ANCHORS);
		for (X509Certificate candidate : candidates) {
			if (issued(candidate, certificate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Whether a certificate is self-signed: its own issuer.
	 * @param certificate the certificate
	 * @return whether it is
	 */
	static boolean selfSigned(X509Certificate certificate) {
		return issued(certificate, certificate);
	}

	private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
		if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
			return false;
		}
		try {
			certificate.verify(issuer.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	/** The JDK's default trust anchors, read once. */
	private static final class JdkAnchors {

		static final List<X509Certificate> ANCHORS = load();

		private static List<X509Certificate> load() {
			try {
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init((KeyStore) null);
				for (TrustManager manager : factory.getTrustManagers()) {
					if (manager instanceof X509TrustManager x509) {
						return List.of(x509.getAcceptedIssuers());
					}
				}
				return List.of();
			}
			catch (GeneralSecurityException ex) {
				// Without the JDK's store only the chain and the extra anchors name
				// issuers
				return List.of();
			}
		}

	}

}
