package dev.tlswatch.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlswatch.alert.OpenAlertCounts;
import dev.tlswatch.finding.ScanJudged;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.notify.OutboxBacklog;
import dev.tlswatch.scan.ScanDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;

/**
 * The fleet-wide meters: scans by kind and outcome, their duration, open alerts by
 * severity, pending deliveries by channel, scheduler lag. Counts that need the database
 * are taken every {@code tlswatch.metrics.refresh-interval} on one thread, never during a
 * scrape; the same task fills the per-endpoint snapshot once the database answers.
 */
class FleetMeters implements SmartLifecycle {

	/** Scans stored, by {@code kind} and {@code outcome}. */
	static final String SCANS = "tlswatch.scans";

	/** How long scans took, by {@code kind}. */
	static final String SCAN_DURATION = "tlswatch.scan.duration";

	static final String ALERTS_OPEN = "tlswatch.alerts.open";

	static final String OUTBOX_PENDING = "tlswatch.outbox.pending";

	static final String SCHEDULER_LAG = "tlswatch.scheduler.lag.seconds";

	private static final Logger logger = LoggerFactory.getLogger(FleetMeters.class);

	private final MeterRegistry registry;

	private final OpenAlertCounts alerts;

	private final OutboxBacklog outbox;

	private final SchedulerLag lag;

	private final SnapshotUpdater snapshot;

	private final Scheduler scheduler;

	private final JdbcTemplate jdbc;

	private final MetricsSettings settings;

	private final Map<Severity, AtomicLong> openAlerts = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService executor;

	FleetMeters(MeterRegistry registry, OpenAlertCounts alerts, OutboxBacklog outbox, SchedulerLag lag,
			SnapshotUpdater snapshot, Scheduler scheduler, JdbcTemplate jdbc, MetricsSettings settings) {
		this.registry = registry;
		this.alerts = alerts;
		this.outbox = outbox;
		this.lag = lag;
		this.snapshot = snapshot;
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.settings = settings;
		for (Severity severity : Severity.values()) {
			AtomicLong count = new AtomicLong();
			this.openAlerts.put(severity, count);
			Gauge.builder(ALERTS_OPEN, count, AtomicLong::get)
				.description("Alerts open (neither acknowledged nor resolved)")
				.tag("severity", severity.name())
				.register(registry);
		}
		Gauge.builder(SCHEDULER_LAG, lag, SchedulerLag::seconds)
			.description("How late scheduled firings start: the largest recent lateness or the oldest overdue trigger")
			.register(registry);
	}

	/**
	 * Counts a scan this node judged once its verdict has committed (no publication of
	 * its own: see {@link AfterCommit}).
	 */
	@EventListener
	void on(ScanJudged event) {
		AfterCommit.run(() -> count(event.scan()));
	}

	private void count(ScanDetails scan) {
		Counter.builder(SCANS)
			.description("Scans stored")
			.tags("kind", scan.kind().name(), "outcome", scan.outcome().name())
			.register(this.registry)
			.increment();
		Duration took = Duration.between(scan.startedAt(), scan.finishedAt());
		Timer.builder(SCAN_DURATION)
			.description("How long scans took")
			.tag("kind", scan.kind().name())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(this.registry)
			.record(took.isNegative() ? Duration.ZERO : took);
	}

	/**
	 * Counts alerts, deliveries and overdue triggers now, and fills the snapshot if it is
	 * not yet. A database that does not answer leaves the last values.
	 */
	void refresh() {
		this.snapshot.loadOnce();
		try {
			this.snapshot.catchUp();
			this.alerts.openBySeverity().forEach((severity, count) -> this.openAlerts.get(severity).set(count));
			this.outbox.pendingByChannel().forEach((channel, count) -> pendingGauge(channel).set(count));
			this.lag.overdueSince(oldestWaitingTrigger());
		}
		catch (DataAccessException | SchedulerException ex) {
			logger.debug("Fleet metrics not refreshed: {}", ex.getMessage());
		}
	}

	private AtomicLong pendingGauge(String channel) {
		return this.pending.computeIfAbsent(channel, (name) -> {
			AtomicLong count = new AtomicLong();
			Gauge.builder(OUTBOX_PENDING, count, AtomicLong::get)
				.description("Deliveries waiting in the outbox")
				.tag("channel", name)
				.register(this.registry);
			return count;
		});
	}

	private @Nullable Instant oldestWaitingTrigger() throws SchedulerException {
		Long millis = this.jdbc.queryForObject(
				"select min(next_fire_time) from qrtz_triggers where sched_name = ? and trigger_state = 'WAITING'"
						+ " and next_fire_time > 0",
				Long.class, this.scheduler.getSchedulerName());
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tlswatch-metrics").daemon(true).factory());
		long period = this.settings.refreshInterval().toMillis();
		started.scheduleWithFixedDelay(this::refreshSafely, 0, period, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	private void refreshSafely() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// The next run tries again; a scheduled task that throws would stop
			// repeating.
			logger.warn("Fleet metrics refresh failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
