package dev.tlswatch.scan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.scan.ScanRunner.CompletedRun;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs scans on request or schedule and reads their history. The network part runs
 * outside any transaction; only storing the result holds a database connection.
 */
@Service
class ScanService implements Scans {

	private final Endpoints endpoints;

	private final ScanRunner runner;

	private final ScanStore store;

	private final ScanRepository scans;

	private final StoredCertificateRepository certificates;

	private final NamedParameterJdbcTemplate jdbc;

	ScanService(Endpoints endpoints, ScanRunner runner, ScanStore store, ScanRepository scans,
			StoredCertificateRepository certificates, NamedParameterJdbcTemplate jdbc) {
		this.endpoints = endpoints;
		this.runner = runner;
		this.store = store;
		this.scans = scans;
		this.certificates = certificates;
		this.jdbc = jdbc;
	}

	@Override
	public ScanDetails scanNow(long endpointId) {
		return scan(this.endpoints.get(endpointId), ScanTrigger.MANUAL);
	}

	private ScanDetails scan(EndpointDetails endpoint, ScanTrigger trigger) {
		CompletedRun run = this.runner.run(endpoint, trigger);
		return this.store.store(run);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ScanDetails> history(long endpointId, Pageable pageable) {
		Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
		Page<Scan> page = this.scans.findByEndpointIdOrderByStartedAtDescIdDesc(endpointId, unsorted);
		Map<String, CertificateDetails> chainCertificates = certificatesOf(page.getContent());
		return page.map((scan) -> toDetails(scan, chainCertificates));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScanDetails> find(long scanId) {
		return this.scans.findById(scanId).map((scan) -> toDetails(scan, certificatesOf(List.of(scan))));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScanDetails> latest(long endpointId) {
		return this.scans.findFirstByEndpointIdOrderByStartedAtDescIdDesc(endpointId)
			.map((scan) -> toDetails(scan, certificatesOf(List.of(scan))));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, LatestScanSummary> latestSummaries(Collection<Long> endpointIds) {
		if (endpointIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, LatestScanSummary> summaries = new HashMap<>();
		this.jdbc.query("""
				select endpoint_id, scan_id, scanned_at, outcome, protocol, cipher_suite, leaf_not_after
				from scan_latest where endpoint_id in (:ids)
				""", Map.of("ids", endpointIds), (row) -> {
			var notAfter = row.getTimestamp("leaf_not_after");
			summaries.put(row.getLong("endpoint_id"),
					new LatestScanSummary(row.getLong("endpoint_id"), row.getLong("scan_id"),
							row.getTimestamp("scanned_at").toInstant(), ScanOutcome.valueOf(row.getString("outcome")),
							row.getString("protocol"), row.getString("cipher_suite"),
							(notAfter != null) ? notAfter.toInstant() : null));
		});
		return Map.copyOf(summaries);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CertificateDetails> certificate(String sha256) {
		return this.certificates.findById(sha256.toLowerCase(Locale.ROOT)).map(StoredCertificate::toDetails);
	}

	private Map<String, CertificateDetails> certificatesOf(List<Scan> scans) {
		List<String> fingerprints = scans.stream()
			.flatMap((scan) -> scan.getResults().stream())
			.flatMap((result) -> result.getChain().stream())
			.distinct()
			.toList();
		if (fingerprints.isEmpty()) {
			return Map.of();
		}
		return this.certificates.findBySha256In(fingerprints)
			.stream()
			.map(StoredCertificate::toDetails)
			.collect(Collectors.toMap(CertificateDetails::sha256, Function.identity()));
	}

	private static ScanDetails toDetails(Scan scan, Map<String, CertificateDetails> certificates) {
		List<AddressResult> results = scan.getResults()
			.stream()
			.map((result) -> result.toResult(result.getChain().stream().map(certificates::get).toList()))
			.toList();
		return new ScanDetails(scan.getId(), scan.getEndpointId(), scan.getTrigger(), scan.getStartedAt(),
				scan.getFinishedAt(), scan.getOutcome(), scan.getError(), results);
	}

}
