package dev.tlswatch.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.RateLimit;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/**
 * What one address answered in a stored scan; the chain is kept as the ordered list of
 * certificate fingerprints. Its protocol versions live in {@code scan_result_version},
 * written and read by plain SQL, so that a page of scans reads them in one query. A quick
 * check's row that carries a full probe's facts forward holds only what the quick check
 * saw and refers to the full probe's row for the rest ({@link #getCarriedFrom()}); its
 * collections load in batches, so that a page of scans costs a fixed number of queries.
 */
@Entity
@Table(name = "scan_result")
class ScanAddress {

	/**
	 * How many rows' collections one query loads: more than a page of scans has rows.
	 */
	static final int BATCH = 250;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "scan_id")
	private @Nullable Scan scan;

	private @Nullable String address;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private HandshakeOutcome outcome;

	private @Nullable String error;

	private @Nullable String protocol;

	@Column(name = "cipher_suite")
	private @Nullable String cipherSuite;

	@Column(name = "connect_millis")
	private @Nullable Integer connectMillis;

	@Column(name = "handshake_millis")
	private @Nullable Integer handshakeMillis;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TrustStatus trust;

	@Column(name = "trust_error")
	private @Nullable String trustError;

	@Column(name = "hostname_match")
	private @Nullable Boolean hostnameMatch;

	private @Nullable String grade;

	@Column(name = "grade_ignoring_trust")
	private @Nullable String gradeIgnoringTrust;

	@Column(name = "grade_score")
	private @Nullable Double gradeScore;

	@ElementCollection(fetch = FetchType.LAZY)
	@BatchSize(size = ScanAddress.BATCH)
	@CollectionTable(name = "scan_result_grade_reason", joinColumns = @JoinColumn(name = "scan_result_id"))
	@OrderColumn(name = "ordinal")
	private List<StoredGradeReason> gradeReasons = new ArrayList<>();

	@Column(nullable = false)
	private int connections;

	// jsonb of CipherSupport, read and written whole by CipherSupportCodec
	@Column(name = "cipher_support", columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable String cipherSupport;

	@Column(name = "leaf_sct_count")
	private @Nullable Integer leafSctCount;

	@Column(name = "leaf_must_staple")
	private @Nullable Boolean leafMustStaple;

	@Column(name = "ocsp_stapled")
	private @Nullable Boolean ocspStapled;

	// jsonb of HstsDetails, read and written whole by CipherSupportCodec
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable String hsts;

	@Column(name = "client_certificate_requested")
	private @Nullable Boolean clientCertificateRequested;

	// jsonb array of RFC 2253 names, read and written whole by CipherSupportCodec
	@Column(name = "client_certificate_authorities", columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable String clientCertificateAuthorities;

	// JSON array of the probe's VulnerabilityResult, read and written whole by
	// CipherSupportCodec (jsonb, V51)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable String vulnerabilities;

	private @Nullable String fingerprint;

	@Column(name = "full_probe_at")
	private @Nullable Instant fullProbeAt;

	@Column(name = "probes_incomplete")
	private @Nullable Integer probesIncomplete;

	@Column(name = "probes_total")
	private @Nullable Integer probesTotal;

	@Column(name = "rate_limit_reason")
	private @Nullable String rateLimitReason;

	// jsonb of the RevocationReport, read and written whole by CipherSupportCodec
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable String revocation;

	// The full probe's row whose facts this quick check's row carries forward (V71)
	@Column(name = "carried_from")
	private @Nullable Long carriedFrom;

	@ElementCollection(fetch = FetchType.LAZY)
	@BatchSize(size = ScanAddress.BATCH)
	@CollectionTable(name = "scan_result_chain_issue", joinColumns = @JoinColumn(name = "scan_result_id"))
	@OrderColumn(name = "ordinal")
	private List<StoredChainIssue> chainIssues = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@BatchSize(size = ScanAddress.BATCH)
	@CollectionTable(name = "scan_result_certificate", joinColumns = @JoinColumn(name = "scan_result_id"))
	@OrderColumn(name = "position")
	@Column(name = "certificate_sha256", nullable = false)
	private List<String> chain = new ArrayList<>();

	protected ScanAddress() {
		this.outcome = HandshakeOutcome.ERROR;
		this.trust = TrustStatus.UNKNOWN;
	}

	/**
	 * A row with a result's own facts: what its handshake saw, its chain, its grade
	 * letters and when its full probe ran; the facts a quick check may carry are left to
	 * {@link #copyOf} and {@link #referring}.
	 */
	private ScanAddress(AddressResult result) {
		this.address = result.address();
		this.outcome = result.outcome();
		this.error = result.error();
		this.protocol = result.protocol();
		this.cipherSuite = result.cipherSuite();
		this.connectMillis = result.connectMillis();
		this.handshakeMillis = result.handshakeMillis();
		this.trust = result.trust();
		this.trustError = result.trustError();
		this.hostnameMatch = result.hostnameMatches();
		result.chain().forEach((certificate) -> this.chain.add(certificate.sha256()));
		ChainReportDetails report = result.chainReport();
		this.leafSctCount = report.sctCount();
		this.leafMustStaple = report.mustStaple();
		report.issues().forEach((issue) -> this.chainIssues.add(new StoredChainIssue(issue)));
		GradeDetails grade = result.grade();
		if (grade != null) {
			this.grade = ScanColumns.gradeText(grade.letter());
			this.gradeIgnoringTrust = ScanColumns.gradeText(grade.ignoringTrust());
			this.gradeScore = grade.score();
		}
		this.connections = result.connections();
		this.fingerprint = result.fingerprint();
		this.fullProbeAt = result.fullProbeAt();
	}

	/**
	 * A row that holds all the facts of its result.
	 * @param result the result
	 * @param codec the codec of the JSON columns
	 * @return the row
	 */
	static ScanAddress copyOf(AddressResult result, CipherSupportCodec codec) {
		ScanAddress row = new ScanAddress(result);
		row.holdCarried(result, codec);
		return row;
	}

	/**
	 * A quick check's row that refers to the full probe's row for the facts it carries
	 * forward ({@link AddressResult#carriedInto}): it holds the quick check's own
	 * handshake facts, chain, fingerprint, full probe time and its grade letters (for
	 * retention's comparison); its own stapling and client certificate request only where
	 * the quick check saw them, as {@code carriedInto} prefers them, and its own
	 * revocation status only where it differs from the referenced row's (a quick check
	 * without a chain shows that one anyway). Versions, suites, groups, features, HSTS,
	 * vulnerabilities, rate limit and the grade's reasons are read from the referenced
	 * row.
	 * @param source the id of the full probe's row of the same address
	 * @param sourceRevocation that row's revocation status
	 * @param carried the result as the quick check shows it
	 * @param own what the quick check saw itself
	 * @param codec the codec of the JSON columns
	 * @return the row
	 */
	static ScanAddress referring(long source, RevocationReport sourceRevocation, AddressResult carried,
			AddressResult own, CipherSupportCodec codec) {
		ScanAddress row = new ScanAddress(carried);
		row.carriedFrom = source;
		row.ocspStapled = own.ocspStapled();
		row.clientCertificateRequested = own.clientCertificateRequested();
		if (own.clientCertificateRequested() != null) {
			row.clientCertificateAuthorities = codec.encodeNames(own.clientCertificateAuthorities());
		}
		if (!own.chain().isEmpty() && !own.revocation().equals(sourceRevocation)) {
			row.revocation = codec.encodeRevocation(own.revocation());
		}
		return row;
	}

	/**
	 * Hold the carried facts as copies, as rows stored before V71 do, and refer to no row
	 * any more: before the referenced row is deleted.
	 * @param carried the result as the quick check shows it
	 * @param codec the codec of the JSON columns
	 */
	void materialise(AddressResult carried, CipherSupportCodec codec) {
		this.carriedFrom = null;
		holdCarried(carried, codec);
	}

	/**
	 * The facts a quick check may carry forward, as this row's own: suites and groups,
	 * HSTS, vulnerabilities, revocation, stapling, the client certificate request, the
	 * grade's reasons and the rate limit.
	 */
	private void holdCarried(AddressResult result, CipherSupportCodec codec) {
		this.cipherSupport = codec.encode(result.cipherSupport());
		this.hsts = codec.encodeHsts(result.hsts());
		this.vulnerabilities = codec.encodeVulnerabilities(result.vulnerabilities());
		this.revocation = codec.encodeRevocation(result.revocation());
		this.ocspStapled = result.ocspStapled();
		this.clientCertificateRequested = result.clientCertificateRequested();
		this.clientCertificateAuthorities = codec.encodeNames(result.clientCertificateAuthorities());
		this.gradeReasons.clear();
		GradeDetails grade = result.grade();
		if (grade != null) {
			grade.reasons().forEach((reason) -> this.gradeReasons.add(new StoredGradeReason(reason)));
		}
		RateLimit rateLimit = result.rateLimit();
		this.probesIncomplete = (rateLimit != null) ? rateLimit.incomplete() : null;
		this.probesTotal = (rateLimit != null) ? rateLimit.connections() : null;
		this.rateLimitReason = (rateLimit != null) ? rateLimit.reason() : null;
	}

	void setScan(Scan scan) {
		this.scan = scan;
	}

	/**
	 * The result this row stores.
	 * @param chain its chain's certificates, or an empty list for a result without them
	 * @param versions its protocol versions
	 * @param codec the codec of the JSON columns
	 * @param source the result of the row this one refers to ({@link #getCarriedFrom()}),
	 * {@code null} for a row that refers to none
	 * @return the result as stored, with the carried facts of a referring row
	 */
	AddressResult toResult(List<CertificateInfo> chain, List<VersionSupport> versions, CipherSupportCodec codec,
			@Nullable AddressResult source) {
		AddressResult own = toResult(chain, versions, codec);
		if (this.carriedFrom == null) {
			return own;
		}
		if (source == null || this.fullProbeAt == null) {
			throw new IllegalStateException("Scan result " + this.id + " carries the facts of scan result "
					+ this.carriedFrom + " without them");
		}
		// No revocation status of its own: the quick check's equals the referenced row's
		return source.carriedInto((this.revocation != null) ? own : own.withRevocation(source.revocation()),
				this.fullProbeAt);
	}

	private AddressResult toResult(List<CertificateInfo> chain, List<VersionSupport> versions,
			CipherSupportCodec codec) {
		ChainReportDetails report = chain.isEmpty() ? ChainReportDetails.NONE
				: new ChainReportDetails(this.chainIssues.stream().map(StoredChainIssue::toIssue).toList(),
						this.leafSctCount, this.leafMustStaple);
		return new AddressResult(this.address, this.outcome, this.error, this.protocol, this.cipherSuite,
				this.connectMillis, this.handshakeMillis, this.trust, this.trustError, this.hostnameMatch, chain,
				report, versions, storedGrade(), this.connections, codec.decode(this.cipherSupport), this.ocspStapled,
				codec.decodeHsts(this.hsts), this.clientCertificateRequested,
				codec.decodeNames(this.clientCertificateAuthorities), codec.decodeVulnerabilities(this.vulnerabilities),
				this.fingerprint, this.fullProbeAt, storedRateLimit(),
				codec.decodeRevocation(this.revocation, this.chain.size()));
	}

	private @Nullable RateLimit storedRateLimit() {
		if (this.probesIncomplete == null || this.probesTotal == null) {
			return null;
		}
		return new RateLimit(this.probesIncomplete, this.probesTotal,
				(this.rateLimitReason != null) ? this.rateLimitReason : "");
	}

	private @Nullable GradeDetails storedGrade() {
		if (this.grade == null || this.gradeIgnoringTrust == null || this.gradeScore == null) {
			return null;
		}
		return new GradeDetails(ScanColumns.gradeLetter(this.grade), ScanColumns.gradeLetter(this.gradeIgnoringTrust),
				this.gradeScore, this.gradeReasons.stream().map(StoredGradeReason::toReason).toList());
	}

	long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Scan result is not stored yet");
		}
		return this.id;
	}

	@Nullable String getAddress() {
		return this.address;
	}

	List<String> getChain() {
		return this.chain;
	}

	/**
	 * The full probe's row whose facts this quick check's row carries forward.
	 * @return its id, {@code null} for a row that holds all its facts
	 */
	@Nullable Long getCarriedFrom() {
		return this.carriedFrom;
	}

}
