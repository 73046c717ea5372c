package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CertificateDetails;
import dev.tlswatch.scan.ChainIssueType;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.ProtocolVersion;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanOutcome;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.TrustResult;
import dev.tlswatch.scan.VersionOutcome;
import dev.tlswatch.scan.VersionResult;
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
 */
record ScanResponse(long id, long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
		ScanOutcome outcome, @Nullable String error, List<AddressResponse> results, List<FindingResponse> findings) {

	static ScanResponse of(ScanDetails scan, List<FindingDetails> findings) {
		return new ScanResponse(scan.id(), scan.endpointId(), scan.trigger(), scan.startedAt(), scan.finishedAt(),
				scan.outcome(), scan.error(), scan.results().stream().map(AddressResponse::of).toList(),
				findings.stream().map(FindingResponse::of).toList());
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
	 * @param vulnerabilities the verdict of each well-known vulnerability ({@code id},
	 * {@code name}, {@code cve}, {@code status} {@code VULNERABLE},
	 * {@code NOT_VULNERABLE} or {@code NOT_TESTED}, {@code detail}); empty when not
	 * probed
	 */
	record AddressResponse(@Nullable String address, ScanOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Integer connectMillis,
			@Nullable Integer handshakeMillis, TrustResult trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, List<CertificateSummary> chain, List<ChainIssueResponse> chainIssues,
			@Nullable Integer leafSctCount, @Nullable Boolean leafMustStaple, List<VersionResponse> versions,
			@Nullable GradeDetails grade, int connections, @Nullable CipherSupport cipherSupport,
			@Nullable Boolean ocspStapled, @Nullable HstsDetails hsts, List<VulnerabilityDetails> vulnerabilities) {

		static AddressResponse of(AddressResult result) {
			ChainReportDetails report = result.chainReport();
			return new AddressResponse(result.address(), result.outcome(), result.error(), result.protocol(),
					result.cipherSuite(), result.connectMillis(), result.handshakeMillis(), result.trust(),
					result.trustError(), result.hostnameMatches(),
					result.chain().stream().map(CertificateSummary::of).toList(),
					report.issues().stream().map(ChainIssueResponse::of).toList(), report.sctCount(),
					report.mustStaple(), result.versions().stream().map(VersionResponse::of).toList(), result.grade(),
					result.connections(), result.cipherSupport(), result.ocspStapled(), result.hsts(),
					result.vulnerabilityDetails());
		}

	}

	/**
	 * One problem of a chain as sent.
	 *
	 * @param type what is wrong
	 * @param position the certificate it concerns, 0 for the leaf
	 * @param detail a sentence for users
	 */
	record ChainIssueResponse(ChainIssueType type, int position, String detail) {

		static ChainIssueResponse of(ChainReportDetails.Issue issue) {
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
	record VersionResponse(ProtocolVersion version, String name, VersionOutcome outcome, boolean deprecated,
			@Nullable String detail) {

		static VersionResponse of(VersionResult result) {
			return new VersionResponse(result.version(), result.version().displayName(), result.outcome(),
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

		static CertificateSummary of(CertificateDetails certificate) {
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
