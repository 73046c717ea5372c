package dev.tlswatch.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tlswatch.alert.OpenAlertCounts;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.fleet.Fleet;
import dev.tlswatch.fleet.FleetOverview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what expires next, what is broken, which protocols the fleet still
 * speaks. Every number links to the endpoint list filtered to what it counts.
 */
@Controller
class OverviewController {

	static final String OVERVIEW_VIEW = "overview";

	/** The order of the status tiles: what needs action first. */
	static final List<EndpointStatus> STATUS_ORDER = List.of(EndpointStatus.CRITICAL, EndpointStatus.UNREACHABLE,
			EndpointStatus.WARNING, EndpointStatus.OK, EndpointStatus.PENDING);

	private final Fleet fleet;

	private final OpenAlertCounts alerts;

	private final Clock clock;

	private final Findings findings;

	OverviewController(Fleet fleet, OpenAlertCounts alerts, Clock clock, Findings findings) {
		this.findings = findings;
		this.fleet = fleet;
		this.alerts = alerts;
		this.clock = clock;
	}

	@GetMapping("/")
	String overview(Model model) {
		FleetOverview overview = this.fleet.overview();
		Instant now = this.clock.instant();
		model.addAttribute("overview", overview);
		model.addAttribute("tiles", tiles(overview.byStatus()));
		model.addAttribute("openAlerts", openAlerts());
		Map<Long, ExpiryPolicy> policies = overview.nextExpiries().isEmpty() ? Map.of()
				: this.findings.expiryPolicies(overview.nextExpiries().stream().map((e) -> e.endpointId()).toList());
		model.addAttribute("expiries",
				overview.nextExpiries()
					.stream()
					.map((e) -> new ExpiryRow(e.endpointId(), e.host() + ":" + e.port(),
							Expiry.of(e.notBefore(), e.notAfter(), now, policy(policies, e.endpointId())),
							Timestamp.of(e.notAfter())))
					.toList());
		model.addAttribute("chartLabels",
				String.join(",", overview.expiriesPerWeek().stream().map((w) -> w.start().toString()).toList()));
		model.addAttribute("chartCounts",
				String.join(",", overview.expiriesPerWeek().stream().map((w) -> Long.toString(w.count())).toList()));
		return OVERVIEW_VIEW;
	}

	private ExpiryPolicy policy(Map<Long, ExpiryPolicy> policies, long endpointId) {
		ExpiryPolicy policy = policies.get(endpointId);
		return (policy != null) ? policy : this.findings.expiryPolicy(endpointId);
	}

	/**
	 * Open alerts (not acknowledged yet) per severity, most severe first: one grouped
	 * count.
	 */
	private List<AlertCount> openAlerts() {
		Map<Severity, Long> open = this.alerts.openBySeverity();
		return List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)
			.stream()
			.map((severity) -> new AlertCount(severity.name(), StatusBadge.of(severity),
					open.getOrDefault(severity, 0L)))
			.toList();
	}

	private static List<StatusTile> tiles(Map<EndpointStatus, Long> byStatus) {
		return STATUS_ORDER.stream()
			.map((status) -> new StatusTile(status.name(), StatusBadge.of(status), byStatus.getOrDefault(status, 0L)))
			.toList();
	}

	/**
	 * One count of endpoints in a status.
	 *
	 * @param status the status name, the list filter's value
	 * @param badge how the status looks
	 * @param count how many endpoints are in it
	 */
	record StatusTile(String status, StatusBadge badge, long count) {
	}

	/**
	 * Open alerts of one severity.
	 *
	 * @param severity the severity name, the alert list filter's value
	 * @param badge how the severity looks
	 * @param count how many open alerts have it
	 */
	record AlertCount(String severity, StatusBadge badge, long count) {
	}

	/**
	 * One of the next expiries.
	 *
	 * @param endpointId the endpoint
	 * @param displayName {@code host:port}
	 * @param expiry days left
	 * @param notAfter when
	 */
	record ExpiryRow(long endpointId, String displayName, Expiry expiry, Timestamp notAfter) {
	}

}
