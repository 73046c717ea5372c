package dev.tlswatch.probe.cert;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.ChainIssue.Type;
import org.jspecify.annotations.Nullable;

/**
 * Finds what is wrong with a chain as sent, certificate by certificate and as a whole:
 * validity, key and signature strength, leaf purpose, order and completeness (RFC 8446
 * §4.4.2 and RFC 5246 §7.4.2: the sender's certificate first, each following one
 * certifying the one before it).
 */
final class ChainInspector {

	static final int MIN_RSA_BITS = 2048;

	static final int MIN_EC_BITS = 224;

	// RFC 5280 §4.2.1.12
	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

	private ChainInspector() {
	}

	static List<ChainIssue> inspect(List<X509Certificate> chain, Set<TrustAnchor> anchors, Instant now) {
		return inspect(chain, anchors, now, IssuerFetch.Walk.NONE);
	}

	/**
	 * Inspect a chain, knowing what its caIssuers URLs gave for the issuer it lacks.
	 * @param chain the certificates as sent, leaf first
	 * @param anchors the trust anchors
	 * @param now the instant of validity
	 * @param fetched what the walk up from the chain's top fetched
	 * @return the issues
	 */
	static List<ChainIssue> inspect(List<X509Certificate> chain, Set<TrustAnchor> anchors, Instant now,
			IssuerFetch.Walk fetched) {
		List<ChainIssue> issues = new ArrayList<>();
		for (int position = 0; position < chain.size(); position++) {
			X509Certificate certificate = chain.get(position);
			validity(certificate, position, now, issues);
			keyStrength(certificate, position, issues);
			signature(certificate, position, issues);
		}
		if (!chain.isEmpty()) {
			leafPurpose(chain.get(0), issues);
			order(chain, issues);
			completeness(chain, anchors, fetched, issues);
		}
		return List.copyOf(issues);
	}

	private static void validity(X509Certificate certificate, int position, Instant now, List<ChainIssue> issues) {
		if (certificate.getNotAfter().toInstant().isBefore(now)) {
			issues.add(new ChainIssue(Type.EXPIRED, position,
					name(certificate) + " expired on " + date(certificate.getNotAfter().toInstant()) + "."));
		}
		else if (certificate.getNotBefore().toInstant().isAfter(now)) {
			issues.add(new ChainIssue(Type.NOT_YET_VALID, position,
					name(certificate) + " is valid only from " + date(certificate.getNotBefore().toInstant()) + "."));
		}
	}

	private static void keyStrength(X509Certificate certificate, int position, List<ChainIssue> issues) {
		PublicKey key = certificate.getPublicKey();
		Integer bits = KeyFacts.size(key);
		if (bits == null) {
			return;
		}
		String algorithm = KeyFacts.algorithm(key);
		int minimum = switch (algorithm) {
			case "RSA", "DSA", "RSASSA-PSS" -> MIN_RSA_BITS;
			case "EC" -> MIN_EC_BITS;
			default -> 0;
		};
		if (bits < minimum) {
			issues.add(new ChainIssue(Type.WEAK_KEY, position, name(certificate) + " has a " + bits + "-bit "
					+ algorithm + " key (at least " + minimum + " bits are needed)."));
		}
	}

	private static void signature(X509Certificate certificate, int position, List<ChainIssue> issues) {
		if (CertificateFacts.isSelfSigned(certificate)) {
			// A trust anchor's signature on itself is never checked by clients.
			return;
		}
		String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
		if (algorithm.startsWith("SHA1") || algorithm.contains("SHA1WITH") || algorithm.startsWith("MD5")
				|| algorithm.startsWith("MD2")) {
			issues.add(new ChainIssue(Type.WEAK_SIGNATURE, position,
					name(certificate) + " is signed with " + certificate.getSigAlgName() + "."));
		}
	}

	private static void leafPurpose(X509Certificate leaf, List<ChainIssue> issues) {
		if (CertificateFacts.isSelfSigned(leaf)) {
			issues.add(new ChainIssue(Type.SELF_SIGNED_LEAF, 0, name(leaf) + " is self-signed."));
		}
		List<String> usages = extendedKeyUsages(leaf);
		if (usages != null && !usages.contains(SERVER_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
			issues.add(new ChainIssue(Type.NO_SERVER_AUTH, 0,
					name(leaf) + " is not for TLS servers (its extended key usage lacks serverAuth)."));
		}
	}

	private static @Nullable List<String> extendedKeyUsages(X509Certificate certificate) {
		try {
			return certificate.getExtendedKeyUsage();
		}
		catch (CertificateParsingException ex) {
			// An unreadable extension is no usage at all: the leaf cannot be used by a
			// server.
			return List.of();
		}
	}

	/**
	 * Each certificate after the leaf must certify the one before it. A chain whose
	 * issuers are all there but out of sequence is in the wrong order.
	 */
	private static void order(List<X509Certificate> chain, List<ChainIssue> issues) {
		for (int position = 1; position < chain.size(); position++) {
			X509Certificate previous = chain.get(position - 1);
			if (!issues(chain.get(position), previous)) {
				issues.add(new ChainIssue(Type.WRONG_ORDER, position, name(chain.get(position))
						+ " does not certify the certificate before it (" + name(previous) + ")."));
				return;
			}
		}
	}

	/**
	 * Follow issuers from the leaf through everything that was sent, in any order; the
	 * top must be self-signed or issued by a trust anchor, or be a CA certificate itself.
	 * A chain that ends in a sent CA certificate whose issuer is neither sent nor trusted
	 * is complete as served (servers need not send the root): its one problem is an
	 * untrusted issuer, which the trust verdict reports. Only a leaf whose issuer was not
	 * sent and is no trust anchor lacks an intermediate.
	 */
	private static void completeness(List<X509Certificate> chain, Set<TrustAnchor> anchors, IssuerFetch.Walk fetched,
			List<ChainIssue> issues) {
		X509Certificate top = top(chain);
		if (CertificateFacts.isSelfSigned(top) || anchoredBy(top, anchors)) {
			return;
		}
		String issuer = name(top) + " (" + top.getIssuerX500Principal().getName(X500Principal.RFC2253) + ")";
		if (!fetched.fetched().isEmpty()) {
			// The caIssuers URL decides: a root above the top is no missing intermediate
			X509Certificate first = fetched.fetched().get(0);
			if (!CertificateFacts.isSelfSigned(first)) {
				issues.add(new ChainIssue(Type.INCOMPLETE, chain.indexOf(top),
						"The issuer of " + issuer + " was not sent: it is the intermediate " + name(first)
								+ ", fetched from its caIssuers URL."));
			}
			return;
		}
		if (top != chain.get(0) && isCa(top)) {
			return;
		}
		String why = (fetched.tried() && fetched.failure() != null) ? " Fetching it failed: " + fetched.failure() + "."
				: "";
		issues.add(new ChainIssue(Type.INCOMPLETE, chain.indexOf(top),
				"The issuer of " + issuer + " was not sent and is not a trusted root." + why));
	}

	/**
	 * The highest certificate reached from the leaf through the sent certificates.
	 * @param chain the certificates as sent, leaf first, not empty
	 * @return the top
	 */
	static X509Certificate top(List<X509Certificate> chain) {
		X509Certificate top = chain.get(0);
		List<X509Certificate> visited = new ArrayList<>(List.of(top));
		X509Certificate next;
		while ((next = sentIssuerOf(top, chain, visited)) != null) {
			visited.add(next);
			top = next;
		}
		return top;
	}

	private static @Nullable X509Certificate sentIssuerOf(X509Certificate certificate, List<X509Certificate> chain,
			List<X509Certificate> visited) {
		if (CertificateFacts.isSelfSigned(certificate)) {
			return null;
		}
		return chain.stream()
			.filter((candidate) -> !visited.contains(candidate))
			.filter((candidate) -> issues(candidate, certificate))
			.findFirst()
			.orElse(null);
	}

	/** RFC 5280 §4.2.1.9: basicConstraints with cA true. */
	private static boolean isCa(X509Certificate certificate) {
		return certificate.getBasicConstraints() >= 0;
	}

	static boolean anchoredBy(X509Certificate certificate, Set<TrustAnchor> anchors) {
		return anchors.stream()
			.map(TrustAnchor::getTrustedCert)
			.filter((anchor) -> anchor != null)
			.anyMatch((anchor) -> issues(anchor, certificate));
	}

	/**
	 * Whether {@code issuer} signed {@code subject}: names match and the key verifies.
	 */
	static boolean issues(X509Certificate issuer, X509Certificate subject) {
		if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
			return false;
		}
		return CertificateFacts.signedBy(subject, issuer.getPublicKey());
	}

	private static String name(X509Certificate certificate) {
		String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
		return (subject.length() > 120) ? subject.substring(0, 120) + "…" : subject;
	}

	private static LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
