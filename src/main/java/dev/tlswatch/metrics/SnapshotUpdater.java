package dev.tlswatch.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.tlswatch.endpoint.EndpointChanged;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointRemoved;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.ScanJudged;
import dev.tlswatch.finding.Verdict;
import dev.tlswatch.finding.VerdictFeed;
import dev.tlswatch.metrics.EndpointGauges.EndpointLabels;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Keeps the {@link EndpointGauges} snapshot current: each scan this node judged after its
 * commit, endpoint changes and deletions; scans other nodes judged from the stored
 * verdicts ({@link #catchUp()}); and fills it from the database once at start.
 */
@Component
class SnapshotUpdater {

	private static final Logger logger = LoggerFactory.getLogger(SnapshotUpdater.class);

	private static final int LOAD_PAGE = 500;

	private static final int CATCH_UP_LIMIT = 1000;

	private static final Duration CLOCK_OVERLAP = Duration.ofMinutes(1);

	private final EndpointGauges gauges;

	private final Endpoints endpoints;

	private final Scans scans;

	private final Findings findings;

	private final VerdictFeed verdicts;

	private final Clock clock;

	private final AtomicBoolean loaded = new AtomicBoolean();

	/** Verdicts judged from here on are looked at by {@link #catchUp()}. */
	private volatile Instant caughtUpTo;

	SnapshotUpdater(EndpointGauges gauges, Endpoints endpoints, Scans scans, Findings findings, VerdictFeed verdicts,
			Clock clock) {
		this.gauges = gauges;
		this.endpoints = endpoints;
		this.scans = scans;
		this.findings = findings;
		this.verdicts = verdicts;
		this.clock = clock;
		this.caughtUpTo = clock.instant();
	}

	/**
	 * Shows a scan this node judged, after the verdict's commit. The labels of an
	 * endpoint already shown are the snapshot's own (kept current by
	 * {@link EndpointChanged}), so only an endpoint's first scan reads the endpoint.
	 */
	@EventListener
	void on(ScanJudged event) {
		AfterCommit.run(() -> {
			ScanDetails scan = event.scan();
			this.gauges.labelsOf(scan.endpointId())
				.or(() -> this.endpoints.find(scan.endpointId()).map(SnapshotUpdater::labels))
				.ifPresent((labels) -> show(labels, scan, event.status()));
		});
	}

	@EventListener
	void on(EndpointChanged event) {
		AfterCommit.run(() -> this.gauges.relabel(labels(event.endpoint())));
	}

	@EventListener
	void on(EndpointRemoved event) {
		AfterCommit.run(() -> this.gauges.remove(event.endpointId()));
	}

	/**
	 * Reads every endpoint's latest scan and status, a page at a time, unless that was
	 * done. A failure (the database is away) leaves it to the next call.
	 */
	void loadOnce() {
		if (this.loaded.get()) {
			return;
		}
		try {
			Instant started = this.clock.instant();
			int count = 0;
			Page<EndpointDetails> page = this.endpoints.list(PageRequest.of(0, LOAD_PAGE));
			while (true) {
				List<Long> ids = page.getContent().stream().map(EndpointDetails::id).toList();
				Map<Long, EndpointStatus> statuses = this.findings.statusOf(ids);
				for (EndpointDetails endpoint : page.getContent()) {
					EndpointStatus status = statuses.getOrDefault(endpoint.id(), EndpointStatus.PENDING);
					this.scans.latest(endpoint.id()).ifPresent((scan) -> show(endpoint, scan, status));
					count++;
				}
				if (!page.hasNext()) {
					break;
				}
				page = this.endpoints.list(page.nextPageable());
			}
			this.caughtUpTo = started;
			this.loaded.set(true);
			logger.info("Metrics snapshot loaded: {} endpoints", count);
		}
		catch (DataAccessException ex) {
			logger.warn("Metrics snapshot not loaded yet, retrying: {}", ex.getMessage());
		}
	}

	/**
	 * Shows the scans other nodes of the cluster judged (this node's own arrive as
	 * events): the verdicts stored since the last call, with an overlap for clocks that
	 * differ between nodes. Bounded per call; the rest comes with the next.
	 */
	void catchUp() {
		if (!this.loaded.get()) {
			return;
		}
		Instant since = this.caughtUpTo.minus(CLOCK_OVERLAP);
		List<Verdict> page = this.verdicts.judgedSince(since, CATCH_UP_LIMIT);
		for (Verdict verdict : page) {
			if (this.gauges.shownScan(verdict.endpointId()) < verdict.scanId()) {
				this.scans.find(verdict.scanId())
					.ifPresent((scan) -> this.endpoints.find(verdict.endpointId())
						.ifPresent((endpoint) -> show(endpoint, scan, verdict.status())));
			}
		}
		if (page.size() == CATCH_UP_LIMIT) {
			this.caughtUpTo = page.get(page.size() - 1).judgedAt().plus(CLOCK_OVERLAP);
		}
		else {
			this.caughtUpTo = this.clock.instant();
		}
	}

	boolean loaded() {
		return this.loaded.get();
	}

	private void show(EndpointDetails endpoint, ScanDetails scan, EndpointStatus status) {
		show(labels(endpoint), scan, status);
	}

	private void show(EndpointLabels labels, ScanDetails scan, EndpointStatus status) {
		List<AddressSnapshot> addresses = scan.results()
			.stream()
			.map((result) -> AddressSnapshot.of(result, status))
			.toList();
		this.gauges.show(labels, scan.id(), addresses);
	}

	private static EndpointLabels labels(EndpointDetails endpoint) {
		return new EndpointLabels(endpoint.id(), endpoint.host(), endpoint.port());
	}

}
