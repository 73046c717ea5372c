package dev.tlswatch.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.fleet.Fleet;
import dev.tlswatch.fleet.FleetFilter;
import dev.tlswatch.fleet.FleetSort;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.Scans;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Builds one page of the endpoint list: a few queries per page (the matching ids, the
 * endpoints, the headlines of their latest scans, their statuses, grades and expiry
 * policies), never one per row.
 */
@Component
class EndpointListView {

	private final Endpoints endpoints;

	private final Scans scans;

	private final Findings findings;

	private final Fleet fleet;

	private final Clock clock;

	EndpointListView(Endpoints endpoints, Scans scans, Findings findings, Fleet fleet, Clock clock) {
		this.fleet = fleet;
		this.endpoints = endpoints;
		this.scans = scans;
		this.findings = findings;
		this.clock = clock;
	}

	EndpointListPage page(FleetFilter filter, FleetSort sort, PageRequest pageRequest) {
		Page<Long> matching = this.fleet.find(filter, sort, pageRequest);
		Page<EndpointDetails> page = new PageImpl<>(this.endpoints.findAll(matching.getContent()), pageRequest,
				matching.getTotalElements());
		List<Long> ids = page.getContent().stream().map(EndpointDetails::id).toList();
		Map<Long, LatestScanSummary> summaries = ids.isEmpty() ? Map.of() : this.scans.latestSummaries(ids);
		Map<Long, EndpointStatus> statuses = ids.isEmpty() ? Map.of() : this.findings.statusOf(ids);
		Map<Long, String> grades = ids.isEmpty() ? Map.of() : this.fleet.grades(ids);
		Map<Long, ExpiryPolicy> policies = ids.isEmpty() ? Map.of() : this.findings.expiryPolicies(ids);
		Instant now = this.clock.instant();
		List<EndpointRow> rows = page.getContent()
			.stream()
			.map((endpoint) -> row(endpoint, summaries.get(endpoint.id()), statuses.get(endpoint.id()),
					GradeBadge.of(grades.get(endpoint.id())), now, policy(policies, endpoint.id())))
			.toList();
		return new EndpointListPage(rows, PageNav.of(page));
	}

	private ExpiryPolicy policy(Map<Long, ExpiryPolicy> policies, long endpointId) {
		ExpiryPolicy policy = policies.get(endpointId);
		return (policy != null) ? policy : this.findings.expiryPolicy(endpointId);
	}

	private static EndpointRow row(EndpointDetails endpoint, @Nullable LatestScanSummary summary,
			@Nullable EndpointStatus status, @Nullable GradeBadge grade, Instant now, ExpiryPolicy policy) {
		StatusBadge badge = StatusBadge.of((status != null) ? status : EndpointStatus.PENDING);
		String mode = modeLabel(endpoint.tlsMode(), endpoint.port());
		if (summary == null) {
			return new EndpointRow(endpoint.id(), endpoint.displayName(), endpoint.enabled(), badge, grade, mode,
					Expiry.UNKNOWN, null, null, null, endpoint.tags());
		}
		return new EndpointRow(endpoint.id(), endpoint.displayName(), endpoint.enabled(), badge, grade, mode,
				Expiry.of(summary.leafNotBefore(), summary.leafNotAfter(), now, policy), summary.protocol(),
				summary.cipherSuite(), Timestamp.of(summary.scannedAt()), endpoint.tags());
	}

	/**
	 * How TLS starts, short enough for a column: {@code AUTO} shows what it resolves to.
	 */
	static String modeLabel(TlsMode mode, int port) {
		return EndpointPageView.EndpointHeader.label(mode.effectiveFor(port));
	}

	/**
	 * One page of the endpoint list.
	 *
	 * @param rows the rows, in the registry's order
	 * @param nav the page links
	 */
	record EndpointListPage(List<EndpointRow> rows, PageNav nav) {

		EndpointListPage {
			rows = List.copyOf(rows);
		}

	}

	/**
	 * One row of the endpoint list.
	 *
	 * @param id the endpoint
	 * @param displayName {@code host:port}
	 * @param enabled whether scheduled scans run
	 * @param status the status from the latest scan
	 * @param grade the grade of the latest scan, {@code null} if not graded
	 * @param mode how TLS starts ({@code Implicit TLS}, {@code STARTTLS SMTP}, ...)
	 * @param expiry days until the leaf certificate of the latest scan expires
	 * @param protocol negotiated protocol of the latest scan, {@code null} if none
	 * @param cipherSuite negotiated cipher suite of the latest scan, {@code null} if none
	 * @param scannedAt when the latest scan finished, {@code null} if never scanned
	 * @param tags the endpoint's tags
	 */
	record EndpointRow(long id, String displayName, boolean enabled, StatusBadge status, @Nullable GradeBadge grade,
			String mode, Expiry expiry, @Nullable String protocol, @Nullable String cipherSuite,
			@Nullable Timestamp scannedAt, List<String> tags) {

		EndpointRow {
			tags = List.copyOf(tags);
		}

	}

	/**
	 * An endpoint's grade in the list, coloured like the endpoint page's grades.
	 *
	 * @param letter the grade ({@code A+})
	 * @param tone {@code ok}, {@code warning} or {@code critical}
	 */
	record GradeBadge(String letter, String tone) {

		static @Nullable GradeBadge of(@Nullable String letter) {
			if (letter == null) {
				return null;
			}
			return Arrays.stream(GradeLetter.values())
				.filter((grade) -> grade.displayName().equals(letter))
				.findFirst()
				.map((grade) -> new GradeBadge(letter, EndpointPageView.GradeRow.tone(grade)))
				.orElse(new GradeBadge(letter, "neutral"));
		}

		public String cssClass() {
			return "grade grade--small grade--" + this.tone;
		}

	}

}
