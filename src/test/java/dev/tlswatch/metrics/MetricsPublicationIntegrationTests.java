package dev.tlswatch.metrics;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.ScanJudged;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters read a judged scan after its commit without a publication of their own in
 * the event registry (the snapshot is rebuilt from the database), while the alert engine
 * keeps its persisted publication; a verdict rolled back never reaches the meters.
 */
@IntegrationTest
class MetricsPublicationIntegrationTests {

	/** An endpoint id no test registers: only the rolled-back event below names it. */
	private static final long ENDPOINT_ID = 9_000_000_001L;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EndpointGauges gauges;

	@Autowired
	private MeterRegistry registry;

	@Test
	void aJudgedScanGetsAPublicationForTheAlertEngineOnlyAndARollbackReachesNoMeter() {
		Instant now = Instant.now();
		ScanDetails scan = new ScanDetails(9_000_000_001L, ENDPOINT_ID, ScanTrigger.SCHEDULED, now.minusSeconds(1), now,
				HandshakeOutcome.CONNECTION_REFUSED, "refused", List.of());
		double scansBefore = scansTotal();

		List<String> listeners = this.transactions.execute((status) -> {
			this.events.publishEvent(new ScanJudged(scan, List.of(), EndpointStatus.CRITICAL));
			List<String> ids = this.jdbc.queryForList(
					"select listener_id from event_publication where event_type like '%ScanJudged'", String.class);
			status.setRollbackOnly();
			return ids;
		});

		assertThat(listeners).anyMatch((id) -> id.contains("AlertEngine"));
		assertThat(listeners).noneMatch((id) -> id.contains(".metrics."));
		assertThat(this.gauges.labelsOf(ENDPOINT_ID)).isEmpty();
		assertThat(scansTotal()).isEqualTo(scansBefore);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from event_publication where serialized_event like '%" + ENDPOINT_ID + "%'",
				Integer.class))
			.isZero();
	}

	private double scansTotal() {
		return this.registry.find(FleetMeters.SCANS)
			.tags("kind", "FULL", "outcome", "CONNECTION_REFUSED")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
