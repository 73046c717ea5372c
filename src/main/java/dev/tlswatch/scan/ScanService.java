package dev.tlswatch.scan;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.EndpointsNotFoundException;
import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.scan.ScanRunner.CompletedRun;
import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs scans on request or schedule and reads their history. The network part runs
 * outside any transaction; only storing the result holds a database connection.
 */
@Service
class ScanService implements Scans {

	private static final Logger logger = LoggerFactory.getLogger(ScanService.class);

	private final Endpoints endpoints;

	private final ScanRunner runner;

	private final ScanStore store;

	private final ScanRepository scans;

	private final StoredCertificateRepository certificates;

	private final NamedParameterJdbcTemplate jdbc;

	private final CipherSupportCodec codec;

	private final ManualScanLimiter limiter;

	private final ScanSettings settings;

	private final TrustBundle trustBundle;

	private final ScanScheduler scheduler;

	private final Clock clock;

	private final TransactionTemplate reading;

	private final CarriedFacts carried;

	ScanService(Endpoints endpoints, ScanRunner runner, ScanStore store, ScanRepository scans,
			StoredCertificateRepository certificates, NamedParameterJdbcTemplate jdbc, CipherSupportCodec codec,
			ManualScanLimiter limiter, ScanSettings settings, TrustBundle trustBundle, ScanScheduler scheduler,
			Clock clock, PlatformTransactionManager transactions, CarriedFacts carried) {
		this.carried = carried;
		this.clock = clock;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.settings = settings;
		this.trustBundle = trustBundle;
		this.scheduler = scheduler;
		this.limiter = limiter;
		this.codec = codec;
		this.endpoints = endpoints;
		this.runner = runner;
		this.store = store;
		this.scans = scans;
		this.certificates = certificates;
		this.jdbc = jdbc;
	}

	@Override
	public ScanDetails scanNow(long endpointId) {
		return scanNow(endpointId, ScanKind.FULL);
	}

	@Override
	public ScanDetails scanNow(long endpointId, ScanKind kind) {
		EndpointDetails endpoint = this.endpoints.get(endpointId);
		this.limiter.acquire(endpointId);
		return scan(endpoint, ScanTrigger.MANUAL, kind);
	}

	/**
	 * Run a firing of the endpoint's job: a manual firing runs the full probe, a
	 * scheduled one the adaptive scan ({@link #scan}). The endpoint, and for a scheduled
	 * firing its last full probe, are read in one transaction before any connection.
	 * @param endpointId the endpoint
	 * @param manual whether someone asked for this scan (it then runs even if the
	 * endpoint is disabled)
	 * @return the stored scan, empty if the endpoint was deleted (or, for a scheduled
	 * firing, disabled) since the trigger fired
	 */
	Optional<ScanDetails> fire(long endpointId, boolean manual) {
		Firing firing = this.reading.execute((status) -> this.endpoints.find(endpointId)
			.filter((endpoint) -> manual || endpoint.enabled())
			.map((endpoint) -> new Firing(endpoint, manual ? null : readLastFull(endpointId)))
			.orElse(null));
		if (firing == null) {
			return Optional.empty();
		}
		return Optional.of(manual ? full(firing.endpoint(), ScanTrigger.MANUAL)
				: adaptive(firing.endpoint(), ScanTrigger.SCHEDULED, firing.lastFull()));
	}

	/**
	 * Scan an endpoint: a full probe when asked for one; otherwise a quick check first,
	 * and the full probe in the same run when the endpoint has none yet, its last one is
	 * older than {@code tlswatch.scan.full-probe-max-age}, or the quick check saw
	 * anything else than it ({@link FullProbeDecision}).
	 * @param endpoint the endpoint
	 * @param trigger why it runs
	 * @param requested {@link ScanKind#FULL} to force the full probe
	 * @return the stored scan
	 */
	ScanDetails scan(EndpointDetails endpoint, ScanTrigger trigger, ScanKind requested) {
		if (requested == ScanKind.FULL) {
			return full(endpoint, trigger);
		}
		return adaptive(endpoint, trigger, lastFull(endpoint.id()).orElse(null));
	}

	private ScanDetails adaptive(EndpointDetails endpoint, ScanTrigger trigger, @Nullable LastFull last) {
		if (last == null || stale(last.scan())) {
			return full(endpoint, trigger);
		}
		CompletedRun quick = this.runner.run(endpoint, trigger, ScanKind.QUICK, false);
		Optional<String> reason = FullProbeDecision.reasonForFullProbe(quick, last.scan());
		if (reason.isPresent()) {
			logger.debug("Quick check of endpoint {} escalates to the full probe: {}", endpoint.id(), reason.get());
			return full(endpoint, trigger);
		}
		return this.store.store(quick, last);
	}

	private ScanDetails full(EndpointDetails endpoint, ScanTrigger trigger) {
		return this.store.store(this.runner.run(endpoint, trigger, ScanKind.FULL, paced(endpoint.id())));
	}

	private boolean stale(ScanDetails lastFull) {
		return !lastFull.fullProbeAt().plus(this.settings.fullProbeMaxAge()).isAfter(this.clock.instant());
	}

	/**
	 * Whether the endpoint's server cut a full probe short within
	 * {@code tlswatch.scan.rate-limit-memory}: then its full probes are paced.
	 * @param endpointId the endpoint
	 * @return whether to pace
	 */
	boolean paced(long endpointId) {
		Integer count = this.jdbc
			.queryForObject("select count(*) from scan_rate_limit where endpoint_id = :id and last_seen_at > :since",
					Map.of("id", endpointId, "since",
							Timestamp.from(this.clock.instant().minus(this.settings.rateLimitMemory()))),
					Integer.class);
		return count != null && count > 0;
	}

	/**
	 * The endpoint's last full probe, for a quick check to compare with and carry
	 * forward, in a transaction of its own: everything but its chains' certificates (each
	 * result's chain is empty), which neither the decision nor the carried facts use (a
	 * quick scan keeps the chain it saw). Reading and parsing those is most of what
	 * loading a scan costs.
	 * @param endpointId the endpoint
	 * @return the scan (without its chains) with its rows, empty if there was none
	 */
	Optional<LastFull> lastFull(long endpointId) {
		return Optional.ofNullable(this.reading.execute((status) -> readLastFull(endpointId)));
	}

	/** The last full probe and its rows, in the caller's transaction; null if none. */
	private @Nullable LastFull readLastFull(long endpointId) {
		return this.scans.findLatestWithResults(endpointId, ScanKind.FULL)
			.map((scan) -> LastFull.of(toDetails(scan, null, versionsOf(List.of(scan)), sourcesOf(List.of(scan))),
					scan.getResults()))
			.orElse(null);
	}

	/**
	 * What a firing read before it runs.
	 *
	 * @param endpoint the endpoint
	 * @param lastFull its last full probe, null for a manual firing or if none
	 */
	private record Firing(EndpointDetails endpoint, @Nullable LastFull lastFull) {
	}

	@Override
	public QueuedScans queueScans(Collection<Long> endpointIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(endpointIds));
		if (ids.isEmpty() || ids.size() > Endpoints.MAX_BULK_IDS) {
			throw new InvalidEndpointException(
					List.of(new FieldViolation("ids", ids.isEmpty() ? "must name at least one endpoint"
							: "must not name more than " + Endpoints.MAX_BULK_IDS + " endpoints")));
		}
		Set<Long> found = this.endpoints.findAll(ids).stream().map(EndpointDetails::id).collect(Collectors.toSet());
		List<Long> missing = ids.stream().filter((id) -> !found.contains(id)).toList();
		if (!missing.isEmpty()) {
			throw new EndpointsNotFoundException(missing);
		}
		List<Long> queued = new ArrayList<>();
		List<Long> refused = new ArrayList<>();
		for (long id : ids) {
			try {
				this.limiter.acquire(id);
			}
			catch (ScanRateLimitedException ex) {
				refused.add(id);
				continue;
			}
			this.scheduler.runOnce(id);
			queued.add(id);
		}
		return new QueuedScans(queued, refused);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ScanDetails> history(long endpointId, Pageable pageable) {
		Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
		Page<Scan> page = this.scans.findByEndpointIdOrderByStartedAtDescIdDesc(endpointId, unsorted);
		Map<String, CertificateInfo> chainCertificates = certificatesOf(page.getContent());
		Map<Long, List<VersionSupport>> versions = versionsOf(page.getContent());
		Map<Long, AddressResult> sources = sourcesOf(page.getContent());
		return page.map((scan) -> toDetails(scan, chainCertificates, versions, sources));
	}

	@Override
	@Transactional(readOnly = true)
	public ScanTimeline timeline(long endpointId, int scanLimit) {
		Pageable latest = PageRequest.of(0, Math.clamp(scanLimit, 1, MAX_TIMELINE_SCANS));
		Page<Scan> page = this.scans.findByEndpointIdOrderByStartedAtDescIdDesc(endpointId, latest);
		Map<String, CertificateInfo> chainCertificates = certificatesOf(page.getContent());
		Map<Long, List<VersionSupport>> versions = versionsOf(page.getContent());
		Map<Long, AddressResult> sources = sourcesOf(page.getContent());
		return ScanTimelines.of(page.getContent()
			.stream()
			.map((scan) -> toDetails(scan, chainCertificates, versions, sources))
			.toList());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScanDetails> find(long scanId) {
		return this.scans.findById(scanId).map(this::toDetails);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScanDetails> latest(long endpointId) {
		return this.scans.findFirstByEndpointIdOrderByStartedAtDescIdDesc(endpointId).map(this::toDetails);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, LatestScanSummary> latestSummaries(Collection<Long> endpointIds) {
		if (endpointIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, LatestScanSummary> summaries = new HashMap<>();
		this.jdbc.query("""
				select sl.endpoint_id, sl.scan_id, sl.scanned_at, sl.outcome, sl.protocol, sl.cipher_suite,
				    sl.leaf_not_after, c.not_before as leaf_not_before
				from scan_latest sl left join certificate c on c.sha256 = sl.leaf_sha256
				where sl.endpoint_id in (:ids)
				""", Map.of("ids", endpointIds), (row) -> {
			var notAfter = row.getTimestamp("leaf_not_after");
			var notBefore = row.getTimestamp("leaf_not_before");
			summaries.put(row.getLong("endpoint_id"),
					new LatestScanSummary(row.getLong("endpoint_id"), row.getLong("scan_id"),
							row.getTimestamp("scanned_at").toInstant(),
							HandshakeOutcome.valueOf(row.getString("outcome")), row.getString("protocol"),
							row.getString("cipher_suite"), (notAfter != null) ? notAfter.toInstant() : null,
							(notBefore != null) ? notBefore.toInstant() : null));
		});
		return Map.copyOf(summaries);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CertificateInfo> certificate(String sha256) {
		return this.certificates.findById(sha256.toLowerCase(Locale.ROOT)).map(StoredCertificate::toDetails);
	}

	private Map<String, CertificateInfo> certificatesOf(List<Scan> scans) {
		return this.carried.certificatesOf(rowsOf(scans));
	}

	/**
	 * The protocol versions of every address of the given scans, in one query, by scan
	 * result id, oldest version first.
	 */
	private Map<Long, List<VersionSupport>> versionsOf(List<Scan> scans) {
		return this.carried.versionsOf(rowsOf(scans).stream().map(ScanAddress::getId).toList());
	}

	private static List<ScanAddress> rowsOf(List<Scan> scans) {
		return scans.stream().flatMap((scan) -> scan.getResults().stream()).toList();
	}

	/**
	 * The full probe results that the quick checks among the given scans carry facts
	 * from, by row id: a fixed number of queries, none without such a quick check.
	 */
	private Map<Long, AddressResult> sourcesOf(List<Scan> scans) {
		return this.carried.sourcesOf(rowsOf(scans));
	}

	private ScanDetails toDetails(Scan scan) {
		List<Scan> one = List.of(scan);
		return toDetails(scan, certificatesOf(one), versionsOf(one), sourcesOf(one));
	}

	/**
	 * A stored scan as details.
	 * @param certificates the certificates of its chains by SHA-256, {@code null} for
	 * results without their chains
	 * @param versions the protocol versions of its results by row id
	 * @param sources the results its quick check's rows carry facts from, by row id
	 */
	private ScanDetails toDetails(Scan scan, @Nullable Map<String, CertificateInfo> certificates,
			Map<Long, List<VersionSupport>> versions, Map<Long, AddressResult> sources) {
		List<AddressResult> results = scan.getResults()
			.stream()
			.map((result) -> result.toResult(
					(certificates != null) ? result.getChain().stream().map(certificates::get).toList() : List.of(),
					versions.getOrDefault(result.getId(), List.of()), this.codec,
					(result.getCarriedFrom() != null) ? sources.get(result.getCarriedFrom()) : null))
			.toList();
		return new ScanDetails(scan.getId(), scan.getEndpointId(), scan.getTrigger(), scan.getStartedAt(),
				scan.getFinishedAt(), scan.getOutcome(), scan.getError(), results, scan.getKind(),
				scan.getFullProbeAt());
	}

	@Override
	public ScanDefaults defaults() {
		return new ScanDefaults(this.settings.connectTimeout(), this.settings.handshakeTimeout(),
				this.settings.resolveTimeout(), this.settings.maxAddresses(), this.settings.connectionsPerAddress(),
				this.trustBundle.describe());
	}

}
