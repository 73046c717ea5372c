package dev.tlswatch.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeFingerprint;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.RateLimit;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import org.jspecify.annotations.Nullable;

/**
 * What one resolved address answered during a scan.
 *
 * @param address the IP address, {@code null} when the name did not resolve
 * @param outcome how the attempt ended
 * @param error the error text, {@code null} when OK
 * @param protocol negotiated protocol, {@code null} without handshake
 * @param cipherSuite negotiated cipher suite (IANA name), {@code null} without handshake
 * @param connectMillis TCP connect time, {@code null} when not connected
 * @param handshakeMillis TLS handshake time, {@code null} when not completed
 * @param trust whether the chain is trusted
 * @param trustError why it is not, {@code null} otherwise
 * @param hostnameMatches whether the leaf matches the expected name, {@code null} without
 * certificate
 * @param chain the certificates as sent, leaf first
 * @param chainReport what is wrong with the chain, {@link ChainReportDetails#NONE}
 * without one
 * @param versions which protocol versions the address accepts, one result per version
 * from SSL 3.0 up; empty when the address was not reached, so not probed
 * @param grade the address's grade, {@code null} when it did not answer
 * @param connections how many connections its probe opened
 * @param cipherSupport cipher suites, groups and features, {@code null} when not
 * enumerated
 * @param ocspStapled whether the address stapled a usable OCSP response, {@code null}
 * when not known
 * @param hsts the HSTS policy, {@code null} when not probed
 * @param clientCertificateRequested whether the server asked for a client certificate,
 * {@code null} when not known
 * @param clientCertificateAuthorities the certificate authorities (RFC 2253 names) the
 * request named; empty without a request or names
 * @param vulnerabilities the verdict of each well-known vulnerability, in the order of
 * {@link Vulnerability}; empty when not probed
 * @param fingerprint the hex SHA-256 of the handshake's {@link HandshakeFingerprint},
 * {@code null} when none was taken
 * @param fullProbeAt when the full probe ran whose versions, suites, groups, features,
 * vulnerabilities and grade this result shows; {@code null} when none did (the address
 * did not answer)
 * @param rateLimit what a rate limit cut short of that full probe, {@code null} when
 * nothing was
 * @param revocation the revocation status of each certificate of the chain, leaf first
 * ({@link RevocationReport#summary()} for the address); not checked for a scan stored
 * before revocation was checked, or with the check switched off. A quick check checks the
 * chain it saw (the check opens no connection to the address); one that saw no chain
 * carries the last full probe's forward
 */
public record AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
		@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
		@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
		@Nullable Boolean hostnameMatches, List<CertificateInfo> chain, ChainReportDetails chainReport,
		List<VersionSupport> versions, @Nullable GradeDetails grade, int connections,
		@Nullable CipherSupport cipherSupport, @Nullable Boolean ocspStapled, @Nullable HstsDetails hsts,
		@Nullable Boolean clientCertificateRequested, List<String> clientCertificateAuthorities,
		List<VulnerabilityResult> vulnerabilities, @Nullable String fingerprint, @Nullable Instant fullProbeAt,
		@Nullable RateLimit rateLimit, RevocationReport revocation) {

	/** Why a result without a revocation check has none. */
	static final String REVOCATION_NOT_RECORDED = "Revocation was not checked in this scan";

	public AddressResult {
		Objects.requireNonNull(revocation, "revocation");
		chain = List.copyOf(chain);
		versions = List.copyOf(versions);
		clientCertificateAuthorities = List.copyOf(clientCertificateAuthorities);
		vulnerabilities = List.copyOf(vulnerabilities);
	}

	/**
	 * A result without vulnerability checks, fingerprint, full probe time and rate limit.
	 */
	public AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateInfo> chain, ChainReportDetails chainReport,
			List<VersionSupport> versions, @Nullable GradeDetails grade, int connections,
			@Nullable CipherSupport cipherSupport, @Nullable Boolean ocspStapled, @Nullable HstsDetails hsts,
			@Nullable Boolean clientCertificateRequested, List<String> clientCertificateAuthorities) {
		this(address, outcome, error, protocol, cipherSuite, connectMillis, handshakeMillis, trust, trustError,
				hostnameMatches, chain, chainReport, versions, grade, connections, cipherSupport, ocspStapled, hsts,
				clientCertificateRequested, clientCertificateAuthorities, List.of(), null, null, null);
	}

	/**
	 * A result without fingerprint, full probe time, rate limit and revocation check.
	 */
	public AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateInfo> chain, ChainReportDetails chainReport,
			List<VersionSupport> versions, @Nullable GradeDetails grade, int connections,
			@Nullable CipherSupport cipherSupport, @Nullable Boolean ocspStapled, @Nullable HstsDetails hsts,
			@Nullable Boolean clientCertificateRequested, List<String> clientCertificateAuthorities,
			List<VulnerabilityResult> vulnerabilities) {
		this(address, outcome, error, protocol, cipherSuite, connectMillis, handshakeMillis, trust, trustError,
				hostnameMatches, chain, chainReport, versions, grade, connections, cipherSupport, ocspStapled, hsts,
				clientCertificateRequested, clientCertificateAuthorities, vulnerabilities, null, null, null);
	}

	/**
	 * This result as a quick check shows it: the fresh handshake's facts (outcome,
	 * negotiated version and suite, timings, chain and its trust, stapling, the chain's
	 * revocation status) with the rest carried forward from this, the last full probe's
	 * result, marked with when that ran. A quick check that saw no chain carries the full
	 * probe's revocation status too; the carried grade follows the revocation status
	 * shown (T for a revoked certificate, as the full probe grades it).
	 * @param quick the quick check's own result
	 * @param fullProbeAt when the full probe ran
	 * @return the carried result
	 */
	public AddressResult carriedInto(AddressResult quick, Instant fullProbeAt) {
		// Revocation is checked afresh by the quick check on the chain it saw (it costs
		// the address no connection); only a quick check that saw no chain carries it
		RevocationReport revocation = quick.chain.isEmpty() ? this.revocation : quick.revocation;
		GradeDetails grade = (this.grade != null) ? this.grade.withRevoked(revocation.revoked()) : null;
		return new AddressResult(quick.address, quick.outcome, quick.error, quick.protocol, quick.cipherSuite,
				quick.connectMillis, quick.handshakeMillis, quick.trust, quick.trustError, quick.hostnameMatches,
				quick.chain, quick.chainReport, this.versions, grade, quick.connections, this.cipherSupport,
				(quick.ocspStapled != null) ? quick.ocspStapled : this.ocspStapled, this.hsts,
				(quick.clientCertificateRequested != null) ? quick.clientCertificateRequested
						: this.clientCertificateRequested,
				quick.clientCertificateRequested != null ? quick.clientCertificateAuthorities
						: this.clientCertificateAuthorities,
				this.vulnerabilities, quick.fingerprint, fullProbeAt, this.rateLimit, revocation);
	}

	/**
	 * The same result marked as observed by a full probe at the given time.
	 * @param at when the full probe ran
	 * @return the copy
	 */
	public AddressResult withFullProbeAt(@Nullable Instant at) {
		return new AddressResult(this.address, this.outcome, this.error, this.protocol, this.cipherSuite,
				this.connectMillis, this.handshakeMillis, this.trust, this.trustError, this.hostnameMatches, this.chain,
				this.chainReport, this.versions, this.grade, this.connections, this.cipherSupport, this.ocspStapled,
				this.hsts, this.clientCertificateRequested, this.clientCertificateAuthorities, this.vulnerabilities,
				this.fingerprint, at, this.rateLimit, this.revocation);
	}

	/**
	 * A result without a revocation check.
	 */
	public AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateInfo> chain, ChainReportDetails chainReport,
			List<VersionSupport> versions, @Nullable GradeDetails grade, int connections,
			@Nullable CipherSupport cipherSupport, @Nullable Boolean ocspStapled, @Nullable HstsDetails hsts,
			@Nullable Boolean clientCertificateRequested, List<String> clientCertificateAuthorities,
			List<VulnerabilityResult> vulnerabilities, @Nullable String fingerprint, @Nullable Instant fullProbeAt,
			@Nullable RateLimit rateLimit) {
		this(address, outcome, error, protocol, cipherSuite, connectMillis, handshakeMillis, trust, trustError,
				hostnameMatches, chain, chainReport, versions, grade, connections, cipherSupport, ocspStapled, hsts,
				clientCertificateRequested, clientCertificateAuthorities, vulnerabilities, fingerprint, fullProbeAt,
				rateLimit, RevocationReport.notChecked(chain.size(), REVOCATION_NOT_RECORDED));
	}

	/**
	 * The same result with a revocation report.
	 * @param revocation the report
	 * @return the copy
	 */
	public AddressResult withRevocation(RevocationReport revocation) {
		return new AddressResult(this.address, this.outcome, this.error, this.protocol, this.cipherSuite,
				this.connectMillis, this.handshakeMillis, this.trust, this.trustError, this.hostnameMatches, this.chain,
				this.chainReport, this.versions, this.grade, this.connections, this.cipherSupport, this.ocspStapled,
				this.hsts, this.clientCertificateRequested, this.clientCertificateAuthorities, this.vulnerabilities,
				this.fingerprint, this.fullProbeAt, this.rateLimit, revocation);
	}

	/**
	 * A result without what was seen of a client certificate request.
	 */
	public AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateInfo> chain, ChainReportDetails chainReport,
			List<VersionSupport> versions, @Nullable GradeDetails grade, int connections,
			@Nullable CipherSupport cipherSupport, @Nullable Boolean ocspStapled, @Nullable HstsDetails hsts) {
		this(address, outcome, error, protocol, cipherSuite, connectMillis, handshakeMillis, trust, trustError,
				hostnameMatches, chain, chainReport, versions, grade, connections, cipherSupport, ocspStapled, hsts,
				null, List.of(), List.of());
	}

	/**
	 * Whether the handshake failed because the server requires a client certificate that
	 * the endpoint does not have, or does not accept the one it has.
	 * @return whether a requested client certificate was missing or refused
	 */
	public boolean clientCertificateRequired() {
		return this.outcome == HandshakeOutcome.TLS_FAILURE && Boolean.TRUE.equals(this.clientCertificateRequested);
	}

	/**
	 * A result without stapling and HSTS observations.
	 */
	public AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateInfo> chain, ChainReportDetails chainReport,
			List<VersionSupport> versions, @Nullable GradeDetails grade, int connections,
			@Nullable CipherSupport cipherSupport) {
		this(address, outcome, error, protocol, cipherSuite, connectMillis, handshakeMillis, trust, trustError,
				hostnameMatches, chain, chainReport, versions, grade, connections, cipherSupport, null, null);
	}

	/**
	 * Whether the leaf demands OCSP stapling (RFC 7633) and the address was seen not to
	 * staple.
	 * @return {@code true} only when both are known
	 */
	public boolean mustStapleWithoutStaple() {
		return Boolean.TRUE.equals(this.chainReport.mustStaple()) && Boolean.FALSE.equals(this.ocspStapled);
	}

	/**
	 * A result without a chain report, version results or grade: the address was not
	 * reached.
	 */
	public AddressResult(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateInfo> chain) {
		this(address, outcome, error, protocol, cipherSuite, connectMillis, handshakeMillis, trust, trustError,
				hostnameMatches, chain, ChainReportDetails.NONE, List.of(), null, 0, null);
	}

	/** The leaf certificate, if the server sent any. */
	public @Nullable CertificateInfo leaf() {
		return this.chain.isEmpty() ? null : this.chain.get(0);
	}

	/**
	 * The vulnerabilities the address was found to have.
	 * @return the vulnerable verdicts, in the order of {@link Vulnerability}
	 */
	public List<VulnerabilityResult> vulnerable() {
		return this.vulnerabilities.stream().filter(VulnerabilityResult::vulnerable).toList();
	}

	/**
	 * The revocation status of the chain for pages and the API: the first revoked
	 * certificate, else the first unknown, else the leaf's.
	 * @return the status
	 */
	public RevocationDetails revocationDetails() {
		return RevocationDetails.of(this.revocation.summary());
	}

	/**
	 * The revocation status of each certificate of the chain, in the order sent.
	 * @return one status per certificate
	 */
	public List<RevocationDetails> chainRevocationDetails() {
		List<RevocationDetails> details = new ArrayList<>();
		for (int i = 0; i < this.chain.size(); i++) {
			details.add(RevocationDetails.of(this.revocation.forCertificate(i)));
		}
		return List.copyOf(details);
	}

	/**
	 * The vulnerability verdicts for pages and the API.
	 * @return one per vulnerability, in the order of {@link Vulnerability}
	 */
	public List<VulnerabilityDetails> vulnerabilityDetails() {
		return this.vulnerabilities.stream().map(VulnerabilityDetails::of).toList();
	}

	/** The protocol versions the address was seen to accept, oldest first. */
	public List<TlsVersion> acceptedVersions() {
		return this.versions.stream()
			.filter((version) -> version.verdict() == VersionVerdict.ACCEPTED)
			.map(VersionSupport::version)
			.sorted()
			.toList();
	}

}
