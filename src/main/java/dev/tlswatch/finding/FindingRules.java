package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.probe.RateLimit;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import org.jspecify.annotations.Nullable;

/**
 * Turns one scan into findings and a status. Pure: reads the scan and the time, opens no
 * socket, touches no database.
 */
final class FindingRules {

	private FindingRules() {
	}

	static List<FindingDetails> judge(ScanDetails scan, ExpiryPolicy policy, Instant now) {
		List<FindingDetails> findings = new ArrayList<>();
		for (AddressResult result : scan.results()) {
			reachability(result, findings);
			cipherSuite(result, findings);
			acceptedSuites(result, findings);
			certificate(result, policy, now, findings);
			chainIssues(result, findings);
			protocolVersions(result, findings);
			stapling(result, findings);
			revocation(result, findings);
			hsts(result, findings);
			vulnerabilities(result, findings);
			rateLimit(result, findings);
		}
		addressesAgree(scan, findings);
		findings.sort(Comparator.comparing(FindingDetails::severity).reversed());
		return List.copyOf(findings);
	}

	static EndpointStatus status(ScanDetails scan, List<FindingDetails> findings) {
		boolean noneReached = scan.results()
			.stream()
			.allMatch((result) -> result.outcome() == HandshakeOutcome.CONNECTION_REFUSED
					|| result.outcome() == HandshakeOutcome.TIMEOUT
					|| result.outcome() == HandshakeOutcome.DNS_FAILURE);
		if (noneReached) {
			return EndpointStatus.UNREACHABLE;
		}
		Severity worst = findings.stream()
			.map(FindingDetails::severity)
			.max(Comparator.naturalOrder())
			.orElse(Severity.INFO);
		return switch (worst) {
			case CRITICAL -> EndpointStatus.CRITICAL;
			case WARNING -> EndpointStatus.WARNING;
			case INFO -> EndpointStatus.OK;
		};
	}

	private static void reachability(AddressResult result, List<FindingDetails> findings) {
		String where = (result.address() != null) ? result.address() : "the endpoint";
		switch (result.outcome()) {
			case OK -> {
			}
			case DNS_FAILURE -> findings.add(new FindingDetails(FindingKind.DNS_FAILURE, Severity.CRITICAL,
					result.address(), "The name does not resolve: " + result.error()));
			case CONNECTION_REFUSED, TIMEOUT -> findings.add(new FindingDetails(FindingKind.UNREACHABLE,
					Severity.CRITICAL, result.address(), "Cannot reach " + where + ": " + result.error()));
			case TLS_FAILURE -> findings.add(result.clientCertificateRequired() ? clientCertificateRequired(result)
					: new FindingDetails(FindingKind.TLS_HANDSHAKE_FAILED, Severity.CRITICAL, result.address(),
							"TLS handshake with " + where + " failed: " + result.error()));
			case STARTTLS_FAILED -> findings.add(new FindingDetails(FindingKind.STARTTLS_FAILED, Severity.CRITICAL,
					result.address(), "STARTTLS with " + where + " failed: " + result.error()));
			case ERROR -> findings.add(new FindingDetails(FindingKind.SCAN_ERROR, Severity.WARNING, result.address(),
					"Scanning " + where + " failed: " + result.error()));
			case DENIED -> findings.add(new FindingDetails(FindingKind.TARGET_DENIED, Severity.CRITICAL,
					result.address(), "Not scanned: the scan target policy denies " + where + ". " + result.error()));
		}
	}

	/**
	 * A server that asked for a client certificate and ended the handshake without one
	 * (or without the one configured) is doing what mutual TLS is for: not a broken
	 * handshake but a fact about the endpoint, whose chain was still read.
	 */
	private static FindingDetails clientCertificateRequired(AddressResult result) {
		List<String> authorities = result.clientCertificateAuthorities();
		String names = authorities.isEmpty() ? ""
				: " It accepts certificates from " + String.join("; ", authorities) + ".";
		return new FindingDetails(FindingKind.CLIENT_CERTIFICATE_REQUIRED, Severity.WARNING, result.address(),
				"Client certificate required: the server ended the handshake because the endpoint has no client"
						+ " certificate it accepts (" + result.error() + ")." + names);
	}

	/**
	 * The suite the server chose for a modern client: an insecure or weak choice is a
	 * finding even before the full list of accepted suites is known.
	 */
	private static void cipherSuite(AddressResult result, List<FindingDetails> findings) {
		if (result.cipherSuite() == null) {
			return;
		}
		CipherSuites.byName(result.cipherSuite()).ifPresent((suite) -> {
			String reasons = String.join(", ", suite.reasons());
			switch (suite.strength()) {
				case INSECURE ->
					findings.add(new FindingDetails(FindingKind.INSECURE_CIPHER, Severity.CRITICAL, result.address(),
							"The server chose the insecure cipher suite " + suite.name() + " (" + reasons + ")."));
				case WEAK ->
					findings.add(new FindingDetails(FindingKind.WEAK_CIPHER, Severity.WARNING, result.address(),
							"The server chose the weak cipher suite " + suite.name() + " (" + reasons + ")."));
				case STRONG, SIGNALLING -> {
				}
			}
		});
	}

	private static void certificate(AddressResult result, ExpiryPolicy policy, Instant now,
			List<FindingDetails> findings) {
		CertificateInfo leaf = result.leaf();
		if (leaf == null) {
			return;
		}
		@Nullable String address = result.address();
		List<FindingDetails> validity = validity(result, leaf, policy, now);
		switch (result.trust()) {
			case TRUSTED -> findings.add(new FindingDetails(FindingKind.CHAIN_TRUSTED, Severity.INFO, address,
					"The certificate chain is trusted."));
			case UNTRUSTED -> findings.add(new FindingDetails(FindingKind.CHAIN_UNTRUSTED, Severity.CRITICAL, address,
					"The certificate chain is not trusted: " + result.trustError()));
			case EXPIRED -> {
				if (none(validity, FindingKind.CERT_EXPIRED)) {
					findings.add(new FindingDetails(FindingKind.CERT_EXPIRED, Severity.CRITICAL, address,
							"A certificate in the chain has expired: " + result.trustError()));
				}
			}
			case NOT_YET_VALID -> {
				if (none(validity, FindingKind.CERT_NOT_YET_VALID)) {
					findings.add(new FindingDetails(FindingKind.CERT_NOT_YET_VALID, Severity.CRITICAL, address,
							"A certificate in the chain is not valid yet: " + result.trustError()));
				}
			}
			case UNKNOWN -> {
			}
		}
		if (Boolean.FALSE.equals(result.hostnameMatches())) {
			findings.add(new FindingDetails(FindingKind.HOSTNAME_MISMATCH, Severity.CRITICAL, address,
					"The certificate does not match the expected name."));
		}
		findings.addAll(validity);
	}

	private static boolean none(List<FindingDetails> findings, FindingKind kind) {
		return findings.stream().noneMatch((finding) -> finding.kind() == kind);
	}

	/**
	 * Problems of the chain's shape and strength. Validity is judged with the trust
	 * verdict and the leaf's expiry above.
	 */
	private static void chainIssues(AddressResult result, List<FindingDetails> findings) {
		for (ChainIssue issue : result.chainReport().issues()) {
			String subject = concerned(result, issue.position());
			@Nullable String address = result.address();
			switch (issue.type()) {
				case INCOMPLETE -> findings.add(new FindingDetails(FindingKind.CHAIN_INCOMPLETE, Severity.WARNING,
						address, "The chain is incomplete: " + issue.detail(), subject, 0));
				case WRONG_ORDER -> findings.add(new FindingDetails(FindingKind.CHAIN_WRONG_ORDER, Severity.WARNING,
						address, "The chain is sent in the wrong order: " + issue.detail(), subject, 0));
				case WEAK_KEY -> findings.add(new FindingDetails(FindingKind.WEAK_KEY, Severity.WARNING, address,
						issue.detail(), subject, 0));
				case WEAK_SIGNATURE -> findings.add(new FindingDetails(FindingKind.WEAK_SIGNATURE, Severity.WARNING,
						address, issue.detail(), subject, 0));
				case NO_SERVER_AUTH -> findings.add(new FindingDetails(FindingKind.NOT_FOR_SERVERS, Severity.CRITICAL,
						address, issue.detail(), subject, 0));
				case SELF_SIGNED_LEAF -> findings.add(new FindingDetails(FindingKind.SELF_SIGNED, Severity.WARNING,
						address, issue.detail(), subject, 0));
				case EXPIRED, NOT_YET_VALID -> {
				}
			}
		}
	}

	/** The fingerprint of the certificate at a position of the chain, else the leaf's. */
	private static String concerned(AddressResult result, int position) {
		if (position >= 0 && position < result.chain().size()) {
			return result.chain().get(position).sha256();
		}
		CertificateInfo leaf = result.leaf();
		return (leaf != null) ? leaf.sha256() : "";
	}

	/**
	 * A leaf that demands OCSP stapling (RFC 7633) without a staple: browsers that honour
	 * must-staple refuse the connection, so it is as bad as an untrusted chain.
	 */
	private static void stapling(AddressResult result, List<FindingDetails> findings) {
		if (result.mustStapleWithoutStaple()) {
			findings.add(new FindingDetails(FindingKind.MUST_STAPLE_WITHOUT_STAPLE, Severity.CRITICAL, result.address(),
					"The certificate demands OCSP stapling (must-staple) but the server sent no OCSP response;"
							+ " browsers that honour must-staple refuse the connection."));
		}
	}

	/**
	 * A revoked certificate, leaf or intermediate, is critical (SSL Labs fails it on
	 * trust; the grade is capped at T by the engine), one finding per certificate named
	 * by its fingerprint. A status that could not be learned is informational: unknown is
	 * not revoked. Not checked (switched off) says nothing.
	 */
	private static void revocation(AddressResult result, List<FindingDetails> findings) {
		List<Revocation> certificates = result.revocation().certificates();
		for (int i = 0; i < certificates.size() && i < result.chain().size(); i++) {
			Revocation revocation = certificates.get(i);
			if (revocation.status() == Revocation.Status.REVOKED) {
				CertificateInfo certificate = result.chain().get(i);
				String which = (i == 0) ? "The certificate " : "The intermediate certificate ";
				String reason = (revocation.reason() != null) ? " (" + revocation.reason() + ")" : "";
				findings
					.add(new FindingDetails(FindingKind.CERT_REVOKED, Severity.CRITICAL, result.address(),
							which + certificate.subject() + " was revoked on " + revocation.revokedAt() + reason
									+ " according to " + sourceText(revocation.source()) + ".",
							certificate.sha256(), 0));
			}
		}
		Revocation summary = result.revocation().summary();
		if (summary.status() == Revocation.Status.UNKNOWN) {
			findings.add(new FindingDetails(FindingKind.REVOCATION_UNKNOWN, Severity.INFO, result.address(),
					"The revocation status could not be learned: " + summary.detail()));
		}
	}

	private static String sourceText(Revocation.@Nullable Source source) {
		if (source == null) {
			return "an unknown source";
		}
		return switch (source) {
			case STAPLE -> "the stapled OCSP response";
			case OCSP -> "the OCSP responder";
			case CRL -> "the CRL";
		};
	}

	/**
	 * HSTS of an HTTPS server: a header browsers ignore is a warning, no policy is worth
	 * knowing. Not applicable or not known says nothing.
	 */
	private static void hsts(AddressResult result, List<FindingDetails> findings) {
		HstsDetails hsts = result.hsts();
		if (hsts == null) {
			return;
		}
		if (hsts.verdict() == null) {
			return;
		}
		switch (hsts.verdict()) {
			case MALFORMED ->
				findings.add(new FindingDetails(FindingKind.HSTS_MALFORMED, Severity.WARNING, result.address(),
						"The Strict-Transport-Security header is invalid, so browsers ignore it: " + hsts.detail()));
			case ABSENT -> findings.add(new FindingDetails(FindingKind.HSTS_ABSENT, Severity.INFO, result.address(),
					"The HTTPS server sends no Strict-Transport-Security header."));
			case DISABLED -> findings.add(new FindingDetails(FindingKind.HSTS_ABSENT, Severity.INFO, result.address(),
					"The HTTPS server switches HSTS off (max-age=0)."));
			case ENABLED -> {
				// A policy in force is nothing to report
			}
		}
	}

	/**
	 * One finding per vulnerability the address was found to have, of its
	 * {@link FindingKind#of kind} and default severity: critical for what SSL Labs fails
	 * (and insecure renegotiation), a warning for POODLE and SWEET32, informational for
	 * BEAST and LUCKY13. A vulnerability not tested is no finding: unknown is not false.
	 */
	private static void vulnerabilities(AddressResult result, List<FindingDetails> findings) {
		for (VulnerabilityResult vulnerability : result.vulnerable()) {
			Vulnerability id = vulnerability.vulnerability();
			FindingKind kind = FindingKind.of(id);
			findings.add(new FindingDetails(kind, kind.defaultSeverity(), result.address(),
					"Vulnerable to " + id.displayName() + " (" + id.cve() + "): " + vulnerability.detail() + "."));
		}
	}

	/**
	 * Clients that land on different addresses of one name must see the same certificate.
	 */
	private static void addressesAgree(ScanDetails scan, List<FindingDetails> findings) {
		List<AddressResult> served = scan.results()
			.stream()
			.filter((result) -> result.outcome() == HandshakeOutcome.OK && result.leaf() != null)
			.toList();
		if (served.stream().map((result) -> result.leaf().sha256()).distinct().count() > 1) {
			String who = served.stream()
				.map((result) -> result.address() + " serves " + result.leaf().sha256().substring(0, 16))
				.collect(Collectors.joining(", "));
			findings.add(new FindingDetails(FindingKind.ADDRESSES_DISAGREE, Severity.WARNING, null,
					"The addresses of this name serve different certificates: " + who + "."));
		}
	}

	/**
	 * What the address accepts, and a warning for each deprecated version it accepts
	 * (critical for SSL 2.0 and SSL 3.0). Only a version seen accepted counts: one that
	 * timed out or could not be tested is listed as such and never judged.
	 */
	/**
	 * A full probe that a rate limit cut short, also as carried by quick scans: the
	 * results it lacks are unknown.
	 */
	private static void rateLimit(AddressResult result, List<FindingDetails> findings) {
		RateLimit limit = result.rateLimit();
		if (limit != null) {
			findings.add(new FindingDetails(FindingKind.PROBE_RATE_LIMITED, Severity.INFO, result.address(),
					"The server cut the full probe short (" + limit.describe()
							+ "); what was cut is unknown, and its full probes are paced."));
		}
	}

	private static void protocolVersions(AddressResult result, List<FindingDetails> findings) {
		if (result.versions().isEmpty()) {
			return;
		}
		List<TlsVersion> accepted = result.acceptedVersions();
		List<TlsVersion> weak = accepted.stream().filter(TlsVersion::deprecated).toList();
		if (!weak.isEmpty()) {
			Severity severity = weak.stream().anyMatch(TlsVersion::prohibited) ? Severity.CRITICAL : Severity.WARNING;
			findings.add(new FindingDetails(FindingKind.WEAK_PROTOCOL, severity, result.address(),
					"Deprecated protocol versions are accepted: " + names(weak) + "."));
		}
		findings
			.add(new FindingDetails(FindingKind.PROTOCOLS, Severity.INFO, result.address(), protocolsMessage(result)));
	}

	private static String protocolsMessage(AddressResult result) {
		List<TlsVersion> accepted = result.acceptedVersions();
		List<TlsVersion> unknown = result.versions()
			.stream()
			.filter((version) -> version.verdict() == VersionVerdict.TIMEOUT
					|| version.verdict() == VersionVerdict.ERROR)
			.map(VersionSupport::version)
			.toList();
		String message = accepted.isEmpty() ? "No protocol version was seen accepted."
				: "Protocol versions accepted: " + names(accepted) + ".";
		return unknown.isEmpty() ? message : message + " Could not test: " + names(unknown) + ".";
	}

	private static String names(List<TlsVersion> versions) {
		return versions.stream().map(TlsVersion::displayName).collect(Collectors.joining(", "));
	}

	/**
	 * Validity of the leaf and of every intermediate that expires before it (a chain is
	 * only as valid as its shortest-lived member), tracked whatever the trust verdict: an
	 * untrusted certificate still expires. Each finding names its certificate.
	 */
	private static List<FindingDetails> validity(AddressResult result, CertificateInfo leaf, ExpiryPolicy policy,
			Instant now) {
		List<FindingDetails> findings = new ArrayList<>();
		validity(leaf, true, result.address(), policy, now, findings);
		for (CertificateInfo issuer : result.chain()
			.subList(Math.min(1, result.chain().size()), result.chain().size())) {
			if (!issuer.selfSigned() && issuer.notAfter().isBefore(leaf.notAfter())
					&& !issuer.sha256().equals(leaf.sha256())) {
				validity(issuer, false, result.address(), policy, now, findings);
			}
		}
		return findings;
	}

	private static void validity(CertificateInfo certificate, boolean leaf, @Nullable String address,
			ExpiryPolicy policy, Instant now, List<FindingDetails> findings) {
		String named = leaf ? "The certificate" : "The intermediate certificate " + certificate.subject();
		String sha256 = certificate.sha256();
		if (certificate.notBefore().isAfter(now)) {
			LocalDate notBefore = LocalDate.ofInstant(certificate.notBefore(), ZoneOffset.UTC);
			findings.add(new FindingDetails(FindingKind.CERT_NOT_YET_VALID, Severity.CRITICAL, address,
					named + " is not valid before " + notBefore + ".", sha256, 0));
		}
		LocalDate notAfter = LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC);
		int crossed = policy.crossed(certificate.notBefore(), certificate.notAfter(), now);
		switch (policy.level(certificate.notBefore(), certificate.notAfter(), now)) {
			case EXPIRED -> findings.add(new FindingDetails(FindingKind.CERT_EXPIRED, Severity.CRITICAL, address,
					named + " expired on " + notAfter + ".", sha256, crossed));
			case CRITICAL, WARNING -> {
				Severity severity = (policy.level(certificate.notBefore(), certificate.notAfter(),
						now) == ExpiryLevel.CRITICAL) ? Severity.CRITICAL : Severity.WARNING;
				long days = Duration.between(now, certificate.notAfter()).toDays();
				String when = (days == 0) ? "expires today" : "expires in " + days + ((days == 1) ? " day" : " days");
				findings.add(new FindingDetails(FindingKind.CERT_EXPIRING, severity, address,
						named + " " + when + " (" + notAfter + ").", sha256, crossed));
			}
			case FINE -> {
			}
		}
	}

	/**
	 * Every suite seen accepted in the full enumeration: an insecure one is critical
	 * whatever the server prefers.
	 */
	private static void acceptedSuites(AddressResult result, List<FindingDetails> findings) {
		CipherSupport support = result.cipherSupport();
		if (support == null) {
			return;
		}
		Set<String> insecure = new LinkedHashSet<>();
		for (CipherSupport.VersionSuites version : support.suites()) {
			for (CipherSupport.Suite suite : version.accepted()) {
				CipherSuites.byName(suite.name())
					.filter((known) -> known.strength() == CipherStrength.INSECURE)
					.ifPresent((known) -> insecure.add(known.name()));
			}
		}
		if (!insecure.isEmpty()) {
			findings.add(new FindingDetails(FindingKind.INSECURE_CIPHERS_ACCEPTED, Severity.CRITICAL, result.address(),
					"Insecure cipher suites are accepted: " + String.join(", ", insecure) + "."));
		}
	}

}
