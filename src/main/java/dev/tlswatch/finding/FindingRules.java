package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.ScanDetails;
import org.jspecify.annotations.Nullable;

/**
 * Turns one scan into findings and a status. Pure: reads the scan and the time, opens no
 * socket, touches no database.
 */
final class FindingRules {

	/** A leaf expiring within this many days is a warning. */
	static final int EXPIRY_WARNING_DAYS = 30;

	/** A leaf expiring within this many days is critical. */
	static final int EXPIRY_CRITICAL_DAYS = 7;

	private FindingRules() {
	}

	static List<FindingDetails> judge(ScanDetails scan, Instant now) {
		List<FindingDetails> findings = new ArrayList<>();
		for (AddressResult result : scan.results()) {
			reachability(result, findings);
			cipherSuite(result, findings);
			certificate(result, now, findings);
			chainIssues(result, findings);
			protocolVersions(result, findings);
			stapling(result, findings);
			hsts(result, findings);
			vulnerabilities(result, findings);
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
			case DNS_FAILURE -> findings.add(new FindingDetails("DNS_FAILURE", Severity.CRITICAL, result.address(),
					"The name does not resolve: " + result.error()));
			case CONNECTION_REFUSED, TIMEOUT -> findings.add(new FindingDetails("UNREACHABLE", Severity.CRITICAL,
					result.address(), "Cannot reach " + where + ": " + result.error()));
			case TLS_FAILURE -> findings.add(result.clientCertificateRequired() ? clientCertificateRequired(result)
					: new FindingDetails("TLS_HANDSHAKE_FAILED", Severity.CRITICAL, result.address(),
							"TLS handshake with " + where + " failed: " + result.error()));
			case STARTTLS_FAILED -> findings.add(new FindingDetails("STARTTLS_FAILED", Severity.CRITICAL,
					result.address(), "STARTTLS with " + where + " failed: " + result.error()));
			case ERROR -> findings.add(new FindingDetails("SCAN_ERROR", Severity.WARNING, result.address(),
					"Scanning " + where + " failed: " + result.error()));
			case DENIED -> findings.add(new FindingDetails("TARGET_DENIED", Severity.CRITICAL, result.address(),
					"Not scanned: the scan target policy denies " + where + ". " + result.error()));
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
		return new FindingDetails("CLIENT_CERTIFICATE_REQUIRED", Severity.WARNING, result.address(),
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
				case INSECURE -> findings.add(new FindingDetails("INSECURE_CIPHER", Severity.CRITICAL, result.address(),
						"The server chose the insecure cipher suite " + suite.name() + " (" + reasons + ")."));
				case WEAK -> findings.add(new FindingDetails("WEAK_CIPHER", Severity.WARNING, result.address(),
						"The server chose the weak cipher suite " + suite.name() + " (" + reasons + ")."));
				case STRONG, SIGNALLING -> {
				}
			}
		});
	}

	private static void certificate(AddressResult result, Instant now, List<FindingDetails> findings) {
		CertificateInfo leaf = result.leaf();
		if (leaf == null) {
			return;
		}
		@Nullable String address = result.address();
		switch (result.trust()) {
			case TRUSTED -> findings
				.add(new FindingDetails("CHAIN_TRUSTED", Severity.INFO, address, "The certificate chain is trusted."));
			case UNTRUSTED -> findings.add(new FindingDetails("CHAIN_UNTRUSTED", Severity.CRITICAL, address,
					"The certificate chain is not trusted: " + result.trustError()));
			case EXPIRED -> findings.add(new FindingDetails("CERT_EXPIRED", Severity.CRITICAL, address,
					"A certificate in the chain has expired: " + result.trustError()));
			case NOT_YET_VALID -> findings.add(new FindingDetails("CERT_NOT_YET_VALID", Severity.CRITICAL, address,
					"A certificate in the chain is not valid yet: " + result.trustError()));
			case UNKNOWN -> {
			}
		}
		if (Boolean.FALSE.equals(result.hostnameMatches())) {
			findings.add(new FindingDetails("HOSTNAME_MISMATCH", Severity.CRITICAL, address,
					"The certificate does not match the expected name."));
		}
		expiry(leaf, address, result.trust(), now, findings);
	}

	/**
	 * Problems of the chain's shape and strength. Validity is judged with the trust
	 * verdict and the leaf's expiry above.
	 */
	private static void chainIssues(AddressResult result, List<FindingDetails> findings) {
		for (ChainIssue issue : result.chainReport().issues()) {
			switch (issue.type()) {
				case INCOMPLETE -> findings.add(new FindingDetails("CHAIN_INCOMPLETE", Severity.WARNING,
						result.address(), "The chain is incomplete: " + issue.detail()));
				case WRONG_ORDER -> findings.add(new FindingDetails("CHAIN_WRONG_ORDER", Severity.WARNING,
						result.address(), "The chain is sent in the wrong order: " + issue.detail()));
				case WEAK_KEY ->
					findings.add(new FindingDetails("WEAK_KEY", Severity.WARNING, result.address(), issue.detail()));
				case WEAK_SIGNATURE -> findings
					.add(new FindingDetails("WEAK_SIGNATURE", Severity.WARNING, result.address(), issue.detail()));
				case NO_SERVER_AUTH -> findings
					.add(new FindingDetails("NOT_FOR_SERVERS", Severity.CRITICAL, result.address(), issue.detail()));
				case SELF_SIGNED_LEAF ->
					findings.add(new FindingDetails("SELF_SIGNED", Severity.WARNING, result.address(), issue.detail()));
				case EXPIRED, NOT_YET_VALID -> {
				}
			}
		}
	}

	/**
	 * A leaf that demands OCSP stapling (RFC 7633) without a staple: browsers that honour
	 * must-staple refuse the connection, so it is as bad as an untrusted chain.
	 */
	private static void stapling(AddressResult result, List<FindingDetails> findings) {
		if (result.mustStapleWithoutStaple()) {
			findings.add(new FindingDetails("MUST_STAPLE_WITHOUT_STAPLE", Severity.CRITICAL, result.address(),
					"The certificate demands OCSP stapling (must-staple) but the server sent no OCSP response;"
							+ " browsers that honour must-staple refuse the connection."));
		}
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
			case MALFORMED -> findings.add(new FindingDetails("HSTS_MALFORMED", Severity.WARNING, result.address(),
					"The Strict-Transport-Security header is invalid, so browsers ignore it: " + hsts.detail()));
			case ABSENT -> findings.add(new FindingDetails("HSTS_ABSENT", Severity.INFO, result.address(),
					"The HTTPS server sends no Strict-Transport-Security header."));
			case DISABLED -> findings.add(new FindingDetails("HSTS_ABSENT", Severity.INFO, result.address(),
					"The HTTPS server switches HSTS off (max-age=0)."));
			case ENABLED -> {
				// A policy in force is nothing to report
			}
		}
	}

	/**
	 * One finding per vulnerability the address was found to have, code
	 * {@code VULNERABILITY_<ID>}: critical for what SSL Labs fails (and insecure
	 * renegotiation), a warning for POODLE and SWEET32, informational for BEAST and
	 * LUCKY13. A vulnerability not tested is no finding: unknown is not false.
	 */
	private static void vulnerabilities(AddressResult result, List<FindingDetails> findings) {
		for (VulnerabilityResult vulnerability : result.vulnerable()) {
			Vulnerability id = vulnerability.vulnerability();
			findings.add(new FindingDetails(VULNERABILITY_PREFIX + id.name(), severity(id), result.address(),
					"Vulnerable to " + id.displayName() + " (" + id.cve() + "): " + vulnerability.detail() + "."));
		}
	}

	/** The prefix of the code of a vulnerability's finding. */
	static final String VULNERABILITY_PREFIX = "VULNERABILITY_";

	static Severity severity(Vulnerability vulnerability) {
		return switch (vulnerability) {
			case HEARTBLEED, CCS_INJECTION, TICKETBLEED, ROBOT, CLIENT_RENEGOTIATION, FREAK, LOGJAM, DROWN ->
				Severity.CRITICAL;
			case POODLE, SWEET32 -> Severity.WARNING;
			case BEAST, LUCKY13 -> Severity.INFO;
		};
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
			findings.add(new FindingDetails("ADDRESSES_DISAGREE", Severity.WARNING, null,
					"The addresses of this name serve different certificates: " + who + "."));
		}
	}

	/**
	 * What the address accepts, and a warning for each deprecated version it accepts
	 * (critical for SSL 2.0 and SSL 3.0). Only a version seen accepted counts: one that
	 * timed out or could not be tested is listed as such and never judged.
	 */
	private static void protocolVersions(AddressResult result, List<FindingDetails> findings) {
		if (result.versions().isEmpty()) {
			return;
		}
		List<TlsVersion> accepted = result.acceptedVersions();
		List<TlsVersion> weak = accepted.stream().filter(TlsVersion::deprecated).toList();
		if (!weak.isEmpty()) {
			Severity severity = weak.stream().anyMatch(TlsVersion::prohibited) ? Severity.CRITICAL : Severity.WARNING;
			findings.add(new FindingDetails("WEAK_PROTOCOL", severity, result.address(),
					"Deprecated protocol versions are accepted: " + names(weak) + "."));
		}
		findings.add(new FindingDetails("PROTOCOLS", Severity.INFO, result.address(), protocolsMessage(result)));
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
	 * Expiry is tracked whatever the trust verdict: an untrusted certificate still
	 * expires.
	 */
	private static void expiry(CertificateInfo leaf, @Nullable String address, TrustStatus trust, Instant now,
			List<FindingDetails> findings) {
		LocalDate notAfter = LocalDate.ofInstant(leaf.notAfter(), ZoneOffset.UTC);
		if (!leaf.notAfter().isAfter(now)) {
			if (trust != TrustStatus.EXPIRED) {
				findings.add(new FindingDetails("CERT_EXPIRED", Severity.CRITICAL, address,
						"The certificate expired on " + notAfter + "."));
			}
			return;
		}
		long days = Duration.between(now, leaf.notAfter()).toDays();
		if (days < EXPIRY_WARNING_DAYS) {
			Severity severity = (days < EXPIRY_CRITICAL_DAYS) ? Severity.CRITICAL : Severity.WARNING;
			findings.add(new FindingDetails("CERT_EXPIRING", severity, address,
					"The certificate expires in " + days + ((days == 1) ? " day" : " days") + " (" + notAfter + ")."));
		}
	}

}
