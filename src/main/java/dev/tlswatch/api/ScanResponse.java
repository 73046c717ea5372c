package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.RateLimit;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanKind;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.RevocationDetails;
import dev.tlswatch.scan.VulnerabilityDetails;
import org.jspecify.annotations.Nullable;

/**
 * One scan of an endpoint over all its addresses, with what was found. Certificates are
 * summarised; {@code /api/v1/certificates/{sha256}} has the whole certificate and PEM.
 *
 * @param id the scan
 * @param endpointId the endpoint scanned
 * @param trigger why it ran
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param outcome {@code OK} if any address completed a handshake
 * @param error the error text when not OK
 * @param results one result per resolved address
 * @param findings the findings, most severe first
 * @param kind {@code QUICK} (one handshake per address, the rest carried forward from the
 * last full probe) or {@code FULL}
 * @param fullProbeAt when the full probe ran whose versions, suites, groups, features and
 * grade the scan shows: its own start for a full probe
 */
record ScanResponse(long id, long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
		HandshakeOutcome outcome, @Nullable String error, List<AddressResponse> results, List<FindingResponse> findings,
		ScanKind kind, Instant fullProbeAt) {

	static ScanResponse of(ScanDetails scan, List<FindingDetails> findings) {
		return new ScanResponse(scan.id(), scan.endpointId(), scan.trigger(), scan.startedAt(), scan.finishedAt(),
				scan.outcome(), scan.error(), scan.results().stream().map(AddressResponse::of).toList(),
				findings.stream().map(FindingResponse::of).toList(), scan.kind(), scan.fullProbeAt());
	}

	/**
	 * What one address answered.
	 *
	 * @param address the IP address, {@code null} when the name did not resolve
	 * @param outcome how the attempt ended
	 * @param error the error text, {@code null} when OK
	 * @param protocol the negotiated protocol
	 * @param cipherSuite the negotiated cipher suite (IANA name)
	 * @param connectMillis TCP connect time
	 * @param handshakeMillis TLS handshake time
	 * @param trust whether the chain is trusted
	 * @param trustError why it is not
	 * @param hostnameMatches whether the leaf matches the expected name
	 * @param chain the certificates as sent, leaf first
	 * @param chainIssues what is wrong with the chain as sent
	 * @param leafSctCount Signed Certificate Timestamps embedded in the leaf,
	 * {@code null} without a chain
	 * @param leafMustStaple whether the leaf demands OCSP stapling, {@code null} without
	 * a chain
	 * @param versions which protocol versions the address accepts, one per version
	 * probed; empty when the address was not reached
	 * @param grade the address's grade with its reasons, {@code null} when it did not
	 * answer
	 * @param connections how many connections probing the address took
	 * @param cipherSupport the cipher suites of each accepted version in the server's
	 * order, the key exchange groups and protocol features; {@code null} when not
	 * enumerated
	 * @param ocspStapled whether the address stapled a usable OCSP response, {@code null}
	 * when not known
	 * @param hsts the HSTS policy of an HTTPS server ({@code state} {@code ENABLED},
	 * {@code DISABLED}, {@code ABSENT}, {@code MALFORMED}, or {@code NOT_APPLICABLE},
	 * {@code COULD_NOT_TEST}, {@code TIMED_OUT}, {@code ERROR}), {@code null} when not
	 * probed
	 * @param clientCertificateRequested whether the server asked for a client
	 * certificate, {@code null} when not known
	 * @param clientCertificateAuthorities the certificate authorities (RFC 2253 names)
	 * the request named
	 * @param vulnerabilities the verdict of each well-known vulnerability ({@code id},
	 * {@code name}, {@code cve}, {@code status} {@code VULNERABLE},
	 * {@code NOT_VULNERABLE} or {@code NOT_TESTED}, {@code detail}); empty when not
	 * probed
	 * @param fingerprint the hex SHA-256 of what the handshake served (chain, version,
	 * suite, group, ServerHello extensions), {@code null} when none was taken
	 * @param fullProbeAt when the full probe ran whose versions, suites, groups, features
	 * and grade are shown, {@code null} when the address was never fully probed
	 * @param rateLimit what a rate limit cut short of that full probe, {@code null} when
	 * nothing was
	 * @param revocation the revocation status of the chain ({@code status} {@code GOOD},
	 * {@code REVOKED}, {@code UNKNOWN} or {@code NOT_CHECKED}, {@code source}
	 * {@code STAPLE}, {@code OCSP}, {@code CRL} or {@code null}, {@code reason},
	 * {@code revokedAt}, {@code detail}): the first revoked certificate, else the first
	 * unknown, else the leaf's; checked by quick checks too
	 * @param chainRevocation the revocation status of each certificate of {@code chain},
	 * in the same order
	 */
	record AddressResponse(@Nullable String address, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateSummary> chain, List<ChainIssueResponse> chainIssues,
			@Nullable Integer leafSctCount, @Nullable Boolean leafMustStaple, List<VersionResponse> versions,
			@Nullable GradeResponse grade, int connections, @Nullable CipherSupport cipherSupport,
			@Nullable Boolean ocspStapled, @Nullable HstsResponse hsts, @Nullable Boolean clientCertificateRequested,
			List<String> clientCertificateAuthorities, List<VulnerabilityDetails> vulnerabilities,
			@Nullable String fingerprint, @Nullable Instant fullProbeAt, @Nullable RateLimitResponse rateLimit,
			RevocationDetails revocation, List<RevocationDetails> chainRevocation) {

		static AddressResponse of(AddressResult result) {
			ChainReportDetails report = result.chainReport();
			return new AddressResponse(result.address(), result.outcome(), result.error(), result.protocol(),
					result.cipherSuite(), result.connectMillis(), result.handshakeMillis(), result.trust(),
					result.trustError(), result.hostnameMatches(),
					result.chain().stream().map(CertificateSummary::of).toList(),
					report.issues().stream().map(ChainIssueResponse::of).toList(), report.sctCount(),
					report.mustStaple(), result.versions().stream().map(VersionResponse::of).toList(),
					GradeResponse.of(result.grade()), result.connections(), result.cipherSupport(),
					result.ocspStapled(), HstsResponse.of(result.hsts()), result.clientCertificateRequested(),
					result.clientCertificateAuthorities(), result.vulnerabilityDetails(), result.fingerprint(),
					result.fullProbeAt(), RateLimitResponse.of(result.rateLimit()), result.revocationDetails(),
					result.chainRevocationDetails());
		}

	}

	/**
	 * A full probe the server cut short: what those connections would have shown is
	 * unknown, never refused.
	 *
	 * @param incomplete how many of its connections were cut
	 * @param probes how many connections it opened
	 * @param summary {@code rate limited: N of M probes incomplete}
	 * @param reason what the first cut looked like
	 */
	record RateLimitResponse(int incomplete, int probes, String summary, String reason) {

		static @Nullable RateLimitResponse of(@Nullable RateLimit limit) {
			return (limit != null)
					? new RateLimitResponse(limit.incomplete(), limit.connections(), limit.describe(), limit.reason())
					: null;
		}

	}

	/**
	 * The grade of one address.
	 *
	 * @param letter the grade ({@code A+}, {@code A}, {@code A-}, {@code B}... {@code F},
	 * {@code T}, {@code M})
	 * @param ignoringTrust the grade the address would have if its certificate were
	 * trusted and matched
	 * @param score the numeric score, 0 to 100, trust aside
	 * @param reasons every cap, warning and untested input, worst first
	 */
	record GradeResponse(String letter, String ignoringTrust, double score, List<ReasonResponse> reasons) {

		static @Nullable GradeResponse of(@Nullable GradeDetails grade) {
			if (grade == null) {
				return null;
			}
			return new GradeResponse(grade.letter().displayName(), grade.ignoringTrust().displayName(), grade.score(),
					grade.reasons().stream().map(ReasonResponse::of).toList());
		}

	}

	/**
	 * Why a grade is not higher, or what could not be tested.
	 *
	 * @param code a stable code ({@code TLS10_ACCEPTED}...)
	 * @param text a sentence for users
	 * @param cap the best grade this reason allows ({@code A-})
	 */
	record ReasonResponse(String code, String text, String cap) {

		static ReasonResponse of(GradeReason reason) {
			return new ReasonResponse(reason.code(), reason.text(), reason.cap().displayName());
		}

	}

	/**
	 * The HSTS policy of an HTTPS server, or why there is none.
	 *
	 * @param state {@code ENABLED}, {@code DISABLED}, {@code ABSENT}, {@code MALFORMED};
	 * or, without an answer to judge, {@code NOT_APPLICABLE}, {@code COULD_NOT_TEST},
	 * {@code TIMED_OUT}, {@code ERROR}
	 * @param maxAge the max-age in seconds when enabled or disabled
	 * @param includeSubDomains whether the policy covers subdomains
	 * @param preload whether the preload token is present
	 * @param header the header as received
	 * @param detail the answer or why there is none, in a few words
	 */
	record HstsResponse(String state, @Nullable Long maxAge, boolean includeSubDomains, boolean preload,
			@Nullable String header, @Nullable String detail) {

		static @Nullable HstsResponse of(@Nullable HstsDetails hsts) {
			if (hsts == null) {
				return null;
			}
			Hsts.Verdict verdict = hsts.verdict();
			return new HstsResponse((verdict != null) ? verdict.name() : hsts.status().name(), hsts.maxAge(),
					hsts.includeSubDomains(), hsts.preload(), hsts.header(), hsts.detail());
		}

	}

	/**
	 * One problem of a chain as sent.
	 *
	 * @param type what is wrong
	 * @param position the certificate it concerns, 0 for the leaf
	 * @param detail a sentence for users
	 */
	record ChainIssueResponse(ChainIssue.Type type, int position, String detail) {

		static ChainIssueResponse of(ChainIssue issue) {
			return new ChainIssueResponse(issue.type(), issue.position(), issue.detail());
		}

	}

	/**
	 * Whether an address accepts one protocol version, seen on the wire.
	 *
	 * @param version the version ({@code TLS_1_2})
	 * @param name its name in its RFC ({@code TLS 1.2})
	 * @param outcome {@code ACCEPTED} or {@code REJECTED}; {@code TIMEOUT} and
	 * {@code ERROR} mean not known
	 * @param deprecated whether the IETF deprecated the version (RFC 7568, RFC 8996)
	 * @param detail the server's answer in a few words
	 */
	record VersionResponse(TlsVersion version, String name, VersionVerdict outcome, boolean deprecated,
			@Nullable String detail) {

		static VersionResponse of(VersionSupport result) {
			return new VersionResponse(result.version(), result.version().displayName(), result.verdict(),
					result.version().deprecated(), result.detail());
		}

	}

	/**
	 * A certificate in a chain, without its PEM.
	 *
	 * @param sha256 lower-case hex SHA-256 of the DER encoding
	 * @param subject subject DN
	 * @param issuer issuer DN
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @param subjectAltNames {@code DNS:...} and {@code IP:...} names
	 * @param keyAlgorithm key algorithm
	 * @param keySize key size in bits, {@code null} if unknown
	 * @param signatureAlgorithm signature algorithm
	 * @param selfSigned whether it signs itself
	 */
	record CertificateSummary(String sha256, String subject, String issuer, Instant notBefore, Instant notAfter,
			List<String> subjectAltNames, String keyAlgorithm, @Nullable Integer keySize, String signatureAlgorithm,
			boolean selfSigned) {

		static CertificateSummary of(CertificateInfo certificate) {
			return new CertificateSummary(certificate.sha256(), certificate.subject(), certificate.issuer(),
					certificate.notBefore(), certificate.notAfter(), certificate.subjectAltNames(),
					certificate.keyAlgorithm(), certificate.keySize(), certificate.signatureAlgorithm(),
					certificate.selfSigned());
		}

	}

	/**
	 * One finding of the scan.
	 *
	 * @param code what was found
	 * @param severity how urgent
	 * @param address the address it concerns, {@code null} for the whole endpoint
	 * @param message a sentence for users
	 */
	record FindingResponse(String code, Severity severity, @Nullable String address, String message) {

		static FindingResponse of(FindingDetails finding) {
			return new FindingResponse(finding.code(), finding.severity(), finding.address(), finding.message());
		}

	}

}
