package dev.tlswatch.scan;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChachaPreference;
import dev.tlswatch.probe.ChainReport;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.FeatureReport;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.scan.ScanRunner.CompletedRun;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a finished run: its certificates (once per fingerprint), the scan with one row
 * per address and one per address and protocol version, and the endpoint's latest-scan
 * headline; then announces {@link ScanCompleted} in the same transaction.
 */
@Component
class ScanStore {

	private static final String INSERT_CERTIFICATE = """
			insert into certificate (sha256, subject, issuer, serial_number, subject_alt_names, not_before, not_after,
			    key_algorithm, key_size, signature_algorithm, self_signed, pem, first_seen_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (sha256) do nothing
			""";

	private static final String UPSERT_LATEST = """
			insert into scan_latest (endpoint_id, scan_id, scanned_at, outcome, protocol, cipher_suite, leaf_sha256, leaf_not_after)
			values (?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (endpoint_id) do update set scan_id = excluded.scan_id, scanned_at = excluded.scanned_at,
			    outcome = excluded.outcome, protocol = excluded.protocol, cipher_suite = excluded.cipher_suite,
			    leaf_sha256 = excluded.leaf_sha256, leaf_not_after = excluded.leaf_not_after
			where scan_latest.scanned_at <= excluded.scanned_at
			""";

	private static final String UPSERT_RATE_LIMIT = """
			insert into scan_rate_limit (endpoint_id, first_seen_at, last_seen_at, incomplete, connections, reason)
			values (?, ?, ?, ?, ?, ?)
			on conflict (endpoint_id) do update set last_seen_at = excluded.last_seen_at,
			    incomplete = excluded.incomplete, connections = excluded.connections, reason = excluded.reason
			""";

	static final String INSERT_VERSION = """
			insert into scan_result_version (scan_result_id, version, outcome, detail) values (?, ?, ?, ?)
			""";

	private final ScanRepository scans;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CipherSupportCodec codec;

	ScanStore(ScanRepository scans, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock,
			CipherSupportCodec codec) {
		this.codec = codec;
		this.scans = scans;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	ScanDetails store(CompletedRun run) {
		return store(run, null);
	}

	/**
	 * Store a run; a quick check's results carry the last full probe's facts forward.
	 * @param run the run
	 * @param lastFull the endpoint's last full probe, for a quick check
	 * @return the stored scan
	 */
	@Transactional
	ScanDetails store(CompletedRun run, @Nullable LastFull lastFull) {
		List<AddressResult> own = toResults(run);
		List<AddressResult> results;
		List<ScanAddress> rows;
		Instant fullProbeAt = run.startedAt();
		if (run.kind() == ScanKind.QUICK && lastFull != null) {
			Map<String, AddressResult> full = byAddress(lastFull.scan());
			results = carried(own, full, lastFull.scan());
			rows = new ArrayList<>();
			for (int i = 0; i < results.size(); i++) {
				rows.add(row(results.get(i), own.get(i), full, lastFull.sourceRows()));
			}
			fullProbeAt = lastFull.scan().fullProbeAt();
		}
		else {
			results = own.stream()
				.map((result) -> result.outcome().answered() ? result.withFullProbeAt(run.startedAt()) : result)
				.toList();
			rows = results.stream().map((result) -> ScanAddress.copyOf(result, this.codec)).toList();
			rememberRateLimit(run);
		}
		// A quick check that saw the last full probe's chain stores no certificate:
		// they are stored, and held there by the full probe's rows.
		Set<String> known = (lastFull != null) ? lastFull.storedCertificates() : Set.of();
		results.stream()
			.flatMap((result) -> result.chain().stream())
			.filter((certificate) -> !known.contains(certificate.sha256()))
			.distinct()
			.forEach(this::insertCertificate);
		HandshakeOutcome outcome = overallOutcome(results);
		Scan scan = new Scan(run.endpointId(), run.trigger(), run.startedAt(), run.finishedAt(), outcome,
				overallError(results, outcome), run.kind(), fullProbeAt);
		rows.forEach(scan::addResult);
		Scan stored = this.scans.save(scan);
		insertVersions(stored.getResults(), results);
		ScanDetails details = new ScanDetails(stored.getId(), run.endpointId(), run.trigger(), run.startedAt(),
				run.finishedAt(), outcome, stored.getError(), results, run.kind(), fullProbeAt);
		updateLatest(details);
		this.events.publishEvent(new ScanCompleted(details));
		return details;
	}

	/**
	 * A quick check's row: one that refers to the full probe's row of the same address
	 * when its result carries that row's facts, else a copy (an address the full probe
	 * did not see, or one that did not answer).
	 */
	private ScanAddress row(AddressResult carried, AddressResult own, Map<String, AddressResult> full,
			Map<String, Long> sources) {
		Long source = (carried != own && carried.address() != null) ? sources.get(carried.address()) : null;
		if (source == null) {
			return ScanAddress.copyOf(carried, this.codec);
		}
		return ScanAddress.referring(source, full.get(carried.address()).revocation(), carried, own, this.codec);
	}

	/** The results of the last full probe by address, the first of each. */
	private static Map<String, AddressResult> byAddress(ScanDetails lastFull) {
		Map<String, AddressResult> full = new HashMap<>();
		lastFull.results()
			.stream()
			.filter((result) -> result.address() != null)
			.forEach((result) -> full.putIfAbsent(result.address(), result));
		return full;
	}

	/**
	 * Each quick result with the facts of the same address in the last full probe; an
	 * address the full probe did not see keeps only its own (the very same result).
	 */
	private static List<AddressResult> carried(List<AddressResult> quick, Map<String, AddressResult> full,
			ScanDetails lastFull) {
		return quick.stream().map((result) -> {
			AddressResult previous = (result.address() != null) ? full.get(result.address()) : null;
			if (previous == null || !result.outcome().answered()) {
				return result;
			}
			Instant at = (previous.fullProbeAt() != null) ? previous.fullProbeAt() : lastFull.fullProbeAt();
			return previous.carriedInto(result, at);
		}).toList();
	}

	/**
	 * A full probe that a server cut short is remembered for the endpoint: its next full
	 * probes are paced.
	 */
	private void rememberRateLimit(CompletedRun run) {
		run.addresses()
			.stream()
			.map(ProbeReport::rateLimit)
			.filter(Objects::nonNull)
			.findFirst()
			.ifPresent(
					(limit) -> this.jdbc.update(UPSERT_RATE_LIMIT, run.endpointId(), Timestamp.from(run.finishedAt()),
							Timestamp.from(run.finishedAt()), limit.incomplete(), limit.connections(), limit.reason()));
	}

	private static List<AddressResult> toResults(CompletedRun run) {
		if (run.resolveError() != null) {
			return List.of(new AddressResult(null, HandshakeOutcome.DNS_FAILURE, run.resolveError(), null, null, null,
					null, TrustStatus.UNKNOWN, null, null, List.of()));
		}
		List<AddressResult> results = new ArrayList<>();
		run.denied()
			.forEach((denied) -> results.add(new AddressResult(denied.address(), HandshakeOutcome.DENIED,
					denied.reason(), null, null, null, null, TrustStatus.UNKNOWN, null, null, List.of())));
		run.addresses().stream().map(ScanStore::toResult).forEach(results::add);
		return List.copyOf(results);
	}

	private static AddressResult toResult(ProbeReport report) {
		HandshakeObservation observation = report.handshake();
		List<CertificateInfo> chain = observation.chain();
		List<VersionSupport> versions = versions(report);
		return new AddressResult(observation.target().address().getHostAddress(), observation.outcome(),
				observation.error(), observation.protocol(), observation.cipherSuite(),
				millis(observation.connectTime()), millis(observation.handshakeTime()), observation.trust(),
				observation.trustError(), observation.hostnameMatches(), chain, toReport(observation), versions,
				toGrade(report.grade()), report.connections(), toCipherSupport(report),
				observation.ocspStapled().value(), report.answered() ? toHsts(report.hsts()) : null,
				observation.clientCertificateRequested(), observation.clientCertificateAuthorities(),
				report.vulnerabilities(), (report.fingerprint() != null) ? report.fingerprint().value() : null, null,
				report.rateLimit(), report.revocation());
	}

	private static HstsDetails toHsts(Observed<Hsts> observed) {
		Hsts hsts = observed.value();
		if (hsts == null) {
			return HstsDetails.none(observed.status(), observed.detail());
		}
		return HstsDetails.observed(hsts.verdict(), hsts.maxAge(), hsts.includeSubDomains(), hsts.preload(),
				hsts.header(), observed.detail());
	}

	private static @Nullable CipherSupport toCipherSupport(ProbeReport report) {
		Ssl2Support ssl2 = report.ssl2();
		boolean ssl2Accepted = ssl2 != null && ssl2.accepted();
		if (report.suites().isEmpty() && report.groups().isEmpty() && report.features() == null && !ssl2Accepted) {
			return null;
		}
		List<CipherSupport.VersionSuites> suites = new ArrayList<>(report.suites()
			.values()
			.stream()
			.sorted(Comparator.comparing(SuiteEnumeration::version).reversed())
			.map((enumeration) -> new CipherSupport.VersionSuites(enumeration.version(), enumeration.order(),
					enumeration.accepted()
						.stream()
						.map((suite) -> new CipherSupport.Suite(suite.name(), suite.strength()))
						.toList(),
					enumeration.complete(), chachaPreference(report, enumeration.version())))
			.toList());
		if (ssl2Accepted) {
			// Every SSL 2.0 cipher kind is insecure: MD5, and export or 56-bit ones
			// besides
			suites.add(new CipherSupport.VersionSuites(TlsVersion.SSL_2_0, ServerOrder.UNKNOWN,
					ssl2.cipherKinds()
						.stream()
						.map((kind) -> new CipherSupport.Suite(kind, CipherStrength.INSECURE))
						.toList(),
					true));
		}
		List<CipherSupport.Group> groups = report.groups()
			.stream()
			.flatMap((enumeration) -> enumeration.accepted().stream())
			.map((group) -> new CipherSupport.Group(group.name(), group.postQuantum()))
			.distinct()
			.toList();
		FeatureReport features = report.features();
		return new CipherSupport(suites, groups,
				(features != null)
						? new CipherSupport.Features(features.alpn().value(), features.secureRenegotiation().value(),
								features.fallbackScsv().value(), features.compression().value())
						: null);
	}

	private static @Nullable Boolean chachaPreference(ProbeReport report, TlsVersion version) {
		ChachaPreference preference = report.chachaPreference().get(version);
		return (preference != null) ? preference.prefersChacha().value() : null;
	}

	private static @Nullable GradeDetails toGrade(@Nullable Grade grade) {
		if (grade == null) {
			return null;
		}
		return new GradeDetails(grade.letter(), grade.gradeIgnoringTrust(), Math.round(grade.score() * 10) / 10.0,
				grade.reasons());
	}

	private static ChainReportDetails toReport(HandshakeObservation observation) {
		if (observation.chain().isEmpty()) {
			return ChainReportDetails.NONE;
		}
		ChainReport report = observation.chainReport();
		return new ChainReportDetails(report.issues(), report.sctCount(), report.mustStaple());
	}

	/** The versions probed, SSL 2.0 first when it was probed. */
	private static List<VersionSupport> versions(ProbeReport report) {
		List<VersionSupport> versions = new ArrayList<>();
		Ssl2Support ssl2 = report.ssl2();
		if (ssl2 != null && !report.versions().isEmpty()) {
			versions.add(ssl2.asVersionSupport());
		}
		versions.addAll(report.versions());
		return List.copyOf(versions);
	}

	private static @Nullable Integer millis(@Nullable Duration duration) {
		return (duration != null) ? (int) Math.min(Integer.MAX_VALUE, duration.toMillis()) : null;
	}

	private static HandshakeOutcome overallOutcome(List<AddressResult> results) {
		if (results.stream().anyMatch((result) -> result.outcome() == HandshakeOutcome.OK)) {
			return HandshakeOutcome.OK;
		}
		return results.isEmpty() ? HandshakeOutcome.ERROR : results.get(0).outcome();
	}

	private static @Nullable String overallError(List<AddressResult> results, HandshakeOutcome outcome) {
		if (outcome == HandshakeOutcome.OK) {
			return null;
		}
		if (results.isEmpty()) {
			return "No address to scan";
		}
		AddressResult first = results.get(0);
		return (first.address() != null) ? first.address() + ": " + first.error() : first.error();
	}

	private void insertCertificate(CertificateInfo certificate) {
		this.jdbc.execute((ConnectionCallback<Integer>) (connection) -> {
			Array sans = connection.createArrayOf("text", certificate.subjectAltNames().toArray());
			try (var statement = connection.prepareStatement(INSERT_CERTIFICATE)) {
				statement.setString(1, certificate.sha256());
				statement.setString(2, certificate.subject());
				statement.setString(3, certificate.issuer());
				statement.setString(4, certificate.serialNumber());
				statement.setArray(5, sans);
				statement.setTimestamp(6, Timestamp.from(certificate.notBefore()));
				statement.setTimestamp(7, Timestamp.from(certificate.notAfter()));
				statement.setString(8, certificate.keyAlgorithm());
				statement.setObject(9, certificate.keySize());
				statement.setString(10, certificate.signatureAlgorithm());
				statement.setBoolean(11, certificate.selfSigned());
				statement.setString(12, certificate.pem());
				statement.setTimestamp(13, Timestamp.from(this.clock.instant()));
				return statement.executeUpdate();
			}
			finally {
				sans.free();
			}
		});
	}

	/**
	 * One row per address and version, none for a row that refers to another for its
	 * versions. The rows of an address go with its entity, saved in the order of the
	 * results; the identity insert has given each its id.
	 */
	private void insertVersions(List<ScanAddress> stored, List<AddressResult> results) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			if (stored.get(i).getCarriedFrom() != null) {
				continue;
			}
			long resultId = stored.get(i).getId();
			for (VersionSupport version : results.get(i).versions()) {
				rows.add(new Object[] { resultId, version.version().name(), version.verdict().name(),
						version.detail() });
			}
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_VERSION, rows);
		}
	}

	private void updateLatest(ScanDetails scan) {
		AddressResult headline = headline(scan.results());
		CertificateInfo leaf = (headline != null) ? headline.leaf() : null;
		this.jdbc.update(UPSERT_LATEST, scan.endpointId(), scan.id(), Timestamp.from(scan.finishedAt()),
				scan.outcome().name(), (headline != null) ? headline.protocol() : null,
				(headline != null) ? headline.cipherSuite() : null, (leaf != null) ? leaf.sha256() : null,
				(leaf != null) ? Timestamp.from(leaf.notAfter()) : null);
	}

	/**
	 * The address whose result heads the endpoint in lists: the first that completed a
	 * handshake, else the first that sent a certificate, else none.
	 */
	static @Nullable AddressResult headline(List<AddressResult> results) {
		return results.stream()
			.filter((result) -> result.outcome() == HandshakeOutcome.OK)
			.findFirst()
			.or(() -> results.stream().filter((result) -> !result.chain().isEmpty()).findFirst())
			.orElse(null);
	}

}
