package dev.tlswatch.probe.cert;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.TrustStatus;
import org.jspecify.annotations.Nullable;

/**
 * Judges a chain as sent: PKIX path building (RFC 5280 §6) from the leaf to the JDK's
 * default trust anchors plus any extra anchors, with the other sent certificates as
 * candidate intermediates and without revocation checking. A chain that is anchored but
 * out of its validity period at the clock's instant is {@link TrustStatus#EXPIRED} or
 * {@link TrustStatus#NOT_YET_VALID} rather than untrusted.
 */
final class TrustEvaluator {

	/** Characters kept of an error text. */
	static final int MAX_ERROR_LENGTH = 300;

	private static volatile @Nullable Set<TrustAnchor> defaultAnchors;

	private TrustEvaluator() {
	}

	/**
	 * Judge a chain.
	 * @param chain the certificates as sent, leaf first
	 * @param extraAnchors trust anchors in addition to the JDK's default trust store
	 * @param now the instant at which the certificates must be valid
	 * @return the verdict
	 */
	static Verdict evaluate(List<X509Certificate> chain, List<X509Certificate> extraAnchors, Instant now) {
		if (chain.isEmpty()) {
			return new Verdict(TrustStatus.UNKNOWN, null);
		}
		Set<TrustAnchor> anchors = anchors(extraAnchors);
		try {
			buildPath(chain, anchors, now);
			return new Verdict(TrustStatus.TRUSTED, null);
		}
		catch (GeneralSecurityException ex) {
			Verdict outOfValidity = anchoredOutsideValidity(chain, anchors, now);
			return (outOfValidity != null) ? outOfValidity
					: new Verdict(TrustStatus.UNTRUSTED, untrustedReason(chain, anchors, ex));
		}
	}

	private static CertPath buildPath(List<X509Certificate> chain, Set<TrustAnchor> anchors, Instant date)
			throws GeneralSecurityException {
		X509CertSelector leaf = new X509CertSelector();
		leaf.setCertificate(chain.get(0));
		PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, leaf);
		parameters.setRevocationEnabled(false);
		parameters.setDate(Date.from(date));
		// The JDK builder takes the target from the stores too, so the leaf goes in
		parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
		return CertPathBuilder.getInstance("PKIX").build(parameters).getCertPath();
	}

	/**
	 * Whether the chain is anchored at an instant inside its validity, and which
	 * certificate on that path is expired or not yet valid now.
	 */
	private static @Nullable Verdict anchoredOutsideValidity(List<X509Certificate> chain, Set<TrustAnchor> anchors,
			Instant now) {
		for (Instant date : instantsWithinValidity(chain, now)) {
			try {
				Verdict verdict = validityAt(buildPath(chain, anchors, date), now);
				if (verdict != null) {
					return verdict;
				}
			}
			catch (GeneralSecurityException ex) {
				// Not anchored at that instant either: try the next
			}
		}
		return null;
	}

	/**
	 * The instants nearest to now at which the leaf, and at which every sent certificate,
	 * is valid.
	 */
	private static Set<Instant> instantsWithinValidity(List<X509Certificate> chain, Instant now) {
		X509Certificate leaf = chain.get(0);
		Set<Instant> instants = new LinkedHashSet<>();
		instants.add(clamp(now, notBefore(leaf), notAfter(leaf)));
		Instant latestStart = chain.stream()
			.map(TrustEvaluator::notBefore)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		Instant earliestEnd = chain.stream().map(TrustEvaluator::notAfter).min(Comparator.naturalOrder()).orElseThrow();
		if (!latestStart.isAfter(earliestEnd)) {
			instants.add(clamp(now, latestStart, earliestEnd));
		}
		instants.remove(now);
		return instants;
	}

	private static @Nullable Verdict validityAt(CertPath path, Instant now) {
		for (Certificate certificate : path.getCertificates()) {
			X509Certificate x509 = (X509Certificate) certificate;
			if (now.isAfter(notAfter(x509))) {
				return new Verdict(TrustStatus.EXPIRED,
						"certificate expired at " + notAfter(x509) + ": " + subject(x509));
			}
			if (now.isBefore(notBefore(x509))) {
				return new Verdict(TrustStatus.NOT_YET_VALID,
						"certificate not valid before " + notBefore(x509) + ": " + subject(x509));
			}
		}
		return null;
	}

	/**
	 * A short reason: self-signed, an untrusted root, an issuer that was not sent, or
	 * what the path builder said.
	 */
	private static String untrustedReason(List<X509Certificate> chain, Set<TrustAnchor> anchors,
			GeneralSecurityException ex) {
		X509Certificate leaf = chain.get(0);
		if (CertificateFacts.isSelfSigned(leaf)) {
			return "self-signed certificate";
		}
		X509Certificate top = lastSentIssuer(chain);
		X500Principal issuer = top.getIssuerX500Principal();
		if (top.getSubjectX500Principal().equals(issuer)) {
			return "no path to a trusted root: the sent root " + subject(top) + " is not trusted";
		}
		if (!anchorSubjects(anchors).contains(issuer)) {
			return "no path to a trusted root: issuer " + issuer.getName(X500Principal.RFC2253)
					+ " was not sent and is not trusted";
		}
		return "no path to a trusted root: " + ex.getMessage();
	}

	/** Follows issuer names from the leaf through the sent certificates. */
	private static X509Certificate lastSentIssuer(List<X509Certificate> chain) {
		Map<X500Principal, X509Certificate> bySubject = chain.stream()
			.collect(Collectors.toMap(X509Certificate::getSubjectX500Principal, Function.identity(),
					(first, second) -> first));
		X509Certificate current = chain.get(0);
		// At most one step per sent certificate, whatever loops the names make
		for (int steps = 1; steps < chain.size(); steps++) {
			X509Certificate issuer = bySubject.get(current.getIssuerX500Principal());
			if (issuer == null || issuer == current) {
				break;
			}
			current = issuer;
		}
		return current;
	}

	private static Set<X500Principal> anchorSubjects(Set<TrustAnchor> anchors) {
		Set<X500Principal> subjects = new HashSet<>();
		for (TrustAnchor anchor : anchors) {
			X509Certificate certificate = anchor.getTrustedCert();
			subjects.add((certificate != null) ? certificate.getSubjectX500Principal() : anchor.getCA());
		}
		return subjects;
	}

	static Set<TrustAnchor> anchors(List<X509Certificate> extraAnchors) {
		Set<TrustAnchor> anchors = new HashSet<>(defaultAnchors());
		for (X509Certificate certificate : extraAnchors) {
			anchors.add(new TrustAnchor(certificate, null));
		}
		return anchors;
	}

	private static Set<TrustAnchor> defaultAnchors() {
		Set<TrustAnchor> anchors = defaultAnchors;
		if (anchors == null) {
			// Loaded once; a race only loads the same store twice
			anchors = loadDefaultAnchors();
			defaultAnchors = anchors;
		}
		return anchors;
	}

	private static Set<TrustAnchor> loadDefaultAnchors() {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init((KeyStore) null);
			Set<TrustAnchor> anchors = new HashSet<>();
			for (TrustManager trustManager : factory.getTrustManagers()) {
				if (trustManager instanceof X509TrustManager x509) {
					for (X509Certificate certificate : x509.getAcceptedIssuers()) {
						anchors.add(new TrustAnchor(certificate, null));
					}
				}
			}
			return Set.copyOf(anchors);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to load the JDK's default trust store", ex);
		}
	}

	private static Instant clamp(Instant instant, Instant from, Instant until) {
		if (instant.isBefore(from)) {
			return from;
		}
		return instant.isAfter(until) ? until : instant;
	}

	private static Instant notBefore(X509Certificate certificate) {
		return certificate.getNotBefore().toInstant();
	}

	private static Instant notAfter(X509Certificate certificate) {
		return certificate.getNotAfter().toInstant();
	}

	private static String subject(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
	}

	/**
	 * The judgement of a chain.
	 *
	 * @param status the trust status
	 * @param error why it is not trusted, {@code null} when trusted or unknown; at most
	 * {@value TrustEvaluator#MAX_ERROR_LENGTH} characters
	 */
	record Verdict(TrustStatus status, @Nullable String error) {

		Verdict {
			error = (error != null) ? CertificateFacts.bounded(error, MAX_ERROR_LENGTH) : null;
		}

	}

}
