package dev.tlswatch.probe;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything one probe of one address found.
 *
 * @param target what was probed
 * @param handshake the JSSE handshake: outcome, negotiated protocol and suite, the chain
 * as sent and its analysis
 * @param versions which protocol versions the address accepts, in the order of
 * {@link TlsVersion#probed()}; empty when the address did not answer
 * @param suites the cipher suites each accepted version accepts, with the server's order
 * @param groups the key exchange groups accepted, for TLS 1.3 and TLS 1.2 where accepted
 * @param features ALPN, secure renegotiation, TLS_FALLBACK_SCSV and compression;
 * {@code null} when the address did not answer or accepted no version
 * @param grade the grade, from what could be tested ({@link Grade#reasons()} says what
 * could not); {@code null} when the address did not answer
 * @param connections how many TCP connections the probe opened
 * @param elapsed how long the probe took
 * @param hsts the HSTS policy of an HTTPS server; {@link Observed.Status#NOT_APPLICABLE}
 * for a server that does not speak HTTP
 * @param ssl2 whether the address accepts SSL 2.0, with the cipher kinds it lists; not in
 * {@code versions}, which are the versions of {@link TlsVersion#probed()}; {@code null}
 * when not probed (the address did not answer)
 * @param chachaPreference for TLS 1.2 and TLS 1.3 where suites were enumerated, whether a
 * server that enforces its order chooses ChaCha20-Poly1305 when the client puts it first
 * ({@link ChachaPreference}); empty when not probed
 * @param vulnerabilities the verdict of each well-known vulnerability, in the order of
 * {@link Vulnerability}; empty when not probed (the address did not answer)
 * @param fingerprint what the first handshake served, reduced to compare with later quick
 * checks; {@code null} when not taken
 * @param rateLimit whether the server cut part of the probe short, {@code null} when it
 * did not
 * @param revocation the revocation status of each certificate of the chain as sent
 * ({@link RevocationReport#summary()} for the address); every certificate
 * {@link Revocation.Status#NOT_CHECKED} when checking is switched off
 */
public record ProbeReport(ProbeTarget target, HandshakeObservation handshake, List<VersionSupport> versions,
		Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups, @Nullable FeatureReport features,
		@Nullable Grade grade, int connections, Duration elapsed, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2,
		Map<TlsVersion, ChachaPreference> chachaPreference, List<VulnerabilityResult> vulnerabilities,
		@Nullable HandshakeFingerprint fingerprint, @Nullable RateLimit rateLimit, RevocationReport revocation) {

	private static final String REVOCATION_NOT_CHECKED = "Revocation checking is switched off";

	public ProbeReport {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(revocation, "revocation");
		Objects.requireNonNull(hsts, "hsts");
		Objects.requireNonNull(handshake, "handshake");
		Objects.requireNonNull(elapsed, "elapsed");
		versions = List.copyOf(versions);
		suites = suites.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(suites));
		groups = List.copyOf(groups);
		chachaPreference = chachaPreference.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new EnumMap<>(chachaPreference));
		vulnerabilities = List.copyOf(vulnerabilities);
	}

	/**
	 * A report without a revocation check.
	 */
	public ProbeReport(ProbeTarget target, HandshakeObservation handshake, List<VersionSupport> versions,
			Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups, @Nullable FeatureReport features,
			@Nullable Grade grade, int connections, Duration elapsed, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2,
			Map<TlsVersion, ChachaPreference> chachaPreference, List<VulnerabilityResult> vulnerabilities,
			@Nullable HandshakeFingerprint fingerprint, @Nullable RateLimit rateLimit) {
		this(target, handshake, versions, suites, groups, features, grade, connections, elapsed, hsts, ssl2,
				chachaPreference, vulnerabilities, fingerprint, rateLimit,
				RevocationReport.notChecked(handshake.chain().size(), REVOCATION_NOT_CHECKED));
	}

	/**
	 * A report without fingerprint, rate limit and revocation check.
	 */
	public ProbeReport(ProbeTarget target, HandshakeObservation handshake, List<VersionSupport> versions,
			Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups, @Nullable FeatureReport features,
			@Nullable Grade grade, int connections, Duration elapsed, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2,
			Map<TlsVersion, ChachaPreference> chachaPreference, List<VulnerabilityResult> vulnerabilities) {
		this(target, handshake, versions, suites, groups, features, grade, connections, elapsed, hsts, ssl2,
				chachaPreference, vulnerabilities, null, null);
	}

	/**
	 * A report without vulnerability checks, fingerprint, rate limit and revocation
	 * check.
	 */
	public ProbeReport(ProbeTarget target, HandshakeObservation handshake, List<VersionSupport> versions,
			Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups, @Nullable FeatureReport features,
			@Nullable Grade grade, int connections, Duration elapsed, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2,
			Map<TlsVersion, ChachaPreference> chachaPreference) {
		this(target, handshake, versions, suites, groups, features, grade, connections, elapsed, hsts, ssl2,
				chachaPreference, List.of(), null, null);
	}

	/**
	 * A report without SSL 2.0 and ChaCha20 preference observations.
	 */
	public ProbeReport(ProbeTarget target, HandshakeObservation handshake, List<VersionSupport> versions,
			Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups, @Nullable FeatureReport features,
			@Nullable Grade grade, int connections, Duration elapsed, Observed<Hsts> hsts) {
		this(target, handshake, versions, suites, groups, features, grade, connections, elapsed, hsts, null, Map.of());
	}

	/**
	 * A report without an HSTS observation.
	 */
	public ProbeReport(ProbeTarget target, HandshakeObservation handshake, List<VersionSupport> versions,
			Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups, @Nullable FeatureReport features,
			@Nullable Grade grade, int connections, Duration elapsed) {
		this(target, handshake, versions, suites, groups, features, grade, connections, elapsed,
				Observed.none(Observed.Status.COULD_NOT_TEST, "Not probed"));
	}

	/**
	 * The same report with a revocation check, its grade capped at T when a certificate
	 * is revoked (the rating guide: a revoked certificate fails trust).
	 * @param revocation the check of this report's chain
	 * @return the copy
	 */
	public ProbeReport withRevocation(RevocationReport revocation) {
		Grade capped = (this.grade != null && revocation.revoked())
				? this.grade.withTrustFailure("CERT_REVOKED", "Certificate revoked") : this.grade;
		return new ProbeReport(this.target, this.handshake, this.versions, this.suites, this.groups, this.features,
				capped, this.connections, this.elapsed, this.hsts, this.ssl2, this.chachaPreference,
				this.vulnerabilities, this.fingerprint, this.rateLimit, revocation);
	}

	/**
	 * Whether the address answered at all: the rest of the report is only filled when it
	 * did.
	 * @return whether the handshake reached the server's TLS (or its upgrade dialogue)
	 */
	public boolean answered() {
		return this.handshake.outcome().answered();
	}

}
