package dev.tlswatch.fleet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.GradeOrder;
import dev.tlswatch.fleet.FleetOverview.WeekCount;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet queries on real PostgreSQL over rows as the scan and finding modules store
 * them. Other test classes share the database, so overview numbers are compared before
 * and after this test's own rows are added, and list queries are narrowed to this test's
 * unique tag.
 */
@IntegrationTest(properties = "spring.quartz.auto-startup=false")
class FleetQueriesIntegrationTests {

	@Autowired
	private Fleet fleet;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	private String tag;

	private Instant now;

	@BeforeEach
	void uniqueTag() {
		this.tag = "fleet-" + UUID.randomUUID().toString().substring(0, 8);
		this.now = this.clock.instant();
	}

	@Test
	void overviewCountsStatusesGradesProtocolsAndExpiries() {
		FleetOverview before = this.fleet.overview();

		long legacy = endpoint("legacy", TlsMode.IMPLICIT);
		scan(legacy, this.now.plus(Duration.ofDays(3)), EndpointStatus.WARNING, List.of("B", "C"),
				List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2), false);
		long modern = endpoint("modern", TlsMode.IMPLICIT);
		scan(modern, this.now.plus(Duration.ofDays(60)), EndpointStatus.OK, List.of("A+"),
				List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), true);
		long broken = endpoint("broken", TlsMode.STARTTLS_SMTP);
		scan(broken, Instant.parse("1991-01-01T00:00:00Z"), EndpointStatus.CRITICAL, List.of("T"),
				List.of(TlsVersion.TLS_1_2), false);
		endpoint("pending", TlsMode.AUTO);

		FleetOverview after = this.fleet.overview();

		assertThat(after.endpoints() - before.endpoints()).isEqualTo(4);
		assertThat(delta(before.byStatus(), after.byStatus())).containsEntry(EndpointStatus.WARNING, 1L)
			.containsEntry(EndpointStatus.OK, 1L)
			.containsEntry(EndpointStatus.CRITICAL, 1L)
			.containsEntry(EndpointStatus.PENDING, 1L)
			.containsEntry(EndpointStatus.UNREACHABLE, 0L);
		assertThat(after.grades().getOrDefault("C", 0L) - before.grades().getOrDefault("C", 0L)).as("worst of B, C")
			.isEqualTo(1);
		assertThat(after.grades().getOrDefault("B", 0L)).isEqualTo(before.grades().getOrDefault("B", 0L));
		assertThat(after.grades().getOrDefault("A+", 0L) - before.grades().getOrDefault("A+", 0L)).isEqualTo(1);
		assertThat(List.copyOf(after.grades().keySet())).as("best first")
			.isSortedAccordingTo((a, b) -> FleetQueries.GRADES.indexOf(a) - FleetQueries.GRADES.indexOf(b));
		assertThat(after.protocols().tls10() - before.protocols().tls10()).isEqualTo(1);
		assertThat(after.protocols().legacy() - before.protocols().legacy()).isEqualTo(1);
		assertThat(after.protocols().tls13() - before.protocols().tls13()).isEqualTo(1);
		assertThat(after.protocols().postQuantum() - before.protocols().postQuantum()).isEqualTo(1);
		assertThat(after.protocols().scanned() - before.protocols().scanned()).isEqualTo(3);
		assertThat(after.nextExpiries().get(0).endpointId()).as("expired long ago comes first").isEqualTo(broken);
		assertThat(after.expiriesPerWeek()).hasSize(FleetQueries.EXPIRY_WEEKS);
		assertThat(weekDelta(before, after, 0)).isEqualTo(1);
		assertThat(weekDelta(before, after, 8)).as("60 days is in the ninth week").isEqualTo(1);
	}

	@Test
	void listFiltersByEveryCriterionAndSorts() {
		long legacy = endpoint("legacy", TlsMode.IMPLICIT);
		scan(legacy, this.now.plus(Duration.ofDays(3)), EndpointStatus.WARNING, List.of("B", "C"),
				List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2), false);
		long modern = endpoint("modern", TlsMode.IMPLICIT);
		scan(modern, this.now.plus(Duration.ofDays(60)), EndpointStatus.OK, List.of("A+"),
				List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), true);
		long smtp = endpoint("smtp", TlsMode.STARTTLS_SMTP);
		scan(smtp, this.now.minus(Duration.ofDays(1)), EndpointStatus.CRITICAL, List.of("F"),
				List.of(TlsVersion.TLS_1_2), false);
		long pending = endpoint("pending", TlsMode.AUTO);

		assertThat(find(filter().status(EndpointStatus.PENDING))).containsExactly(pending);
		assertThat(find(filter().status(EndpointStatus.OK))).containsExactly(modern);
		assertThat(find(filter().grade("C"))).containsExactly(legacy);
		assertThat(find(filter().mode(TlsMode.STARTTLS_SMTP))).containsExactly(smtp);
		assertThat(find(filter().expiring(7))).as("expired counts as expiring").containsExactly(legacy, smtp);
		assertThat(find(filter().accepts(TlsVersion.TLS_1_0))).containsExactly(legacy);
		assertThat(find(filter().postQuantum(true))).containsExactly(modern);
		assertThat(find(filter().postQuantum(false))).containsExactly(legacy, smtp);
		assertThat(find(filter().text("MODERN." + this.tag))).containsExactly(modern);
		assertThat(find(filter().text("100%_"))).isEmpty();
		assertThat(this.fleet.find(filter().build(), FleetSort.EXPIRY, PageRequest.of(0, 10)).getContent())
			.containsExactly(smtp, legacy, modern, pending);
		assertThat(this.fleet.find(filter().build(), FleetSort.STATUS, PageRequest.of(0, 10)).getContent())
			.containsExactly(smtp, legacy, pending, modern);
		assertThat(this.fleet.find(filter().build(), FleetSort.GRADE, PageRequest.of(0, 10)).getContent())
			.containsExactly(smtp, legacy, modern, pending);
		var page = this.fleet.find(filter().build(), FleetSort.HOST, PageRequest.of(1, 3));
		assertThat(page.getTotalElements()).isEqualTo(4);
		assertThat(page.getContent()).hasSize(1);
	}

	private List<Long> find(Builder builder) {
		return this.fleet.find(builder.build(), FleetSort.HOST, PageRequest.of(0, 50)).getContent();
	}

	private Builder filter() {
		return new Builder(this.tag);
	}

	private long endpoint(String name, TlsMode mode) {
		Long id = this.jdbc.queryForObject("""
				insert into endpoint (host, port, tls_mode, scan_interval_minutes, enabled, created_at, updated_at)
				values (?, 443, ?, 60, false, now(), now()) returning id
				""", Long.class, name + "." + this.tag + ".example", mode.name());
		this.jdbc.update("insert into endpoint_tag (endpoint_id, tag) values (?, ?)", id, this.tag);
		return id;
	}

	private void scan(long endpointId, Instant leafNotAfter, EndpointStatus status, List<String> grades,
			List<TlsVersion> accepted, boolean postQuantum) {
		Long scanId = this.jdbc.queryForObject("""
				insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
				values (?, 'MANUAL', now(), now(), 'OK') returning id
				""", Long.class, endpointId);
		for (String grade : grades) {
			String support = postQuantum
					? "{\"suites\":[],\"groups\":[{\"name\":\"X25519MLKEM768\",\"postQuantum\":true}]}"
					: "{\"suites\":[],\"groups\":[{\"name\":\"x25519\",\"postQuantum\":false}]}";
			Long resultId = this.jdbc.queryForObject("""
					insert into scan_result (scan_id, address, outcome, trust, grade, cipher_support)
					values (?, '127.0.0.1', 'OK', 'TRUSTED', ?, ?::jsonb) returning id
					""", Long.class, scanId, grade, support);
			for (TlsVersion version : TlsVersion.values()) {
				this.jdbc.update("insert into scan_result_version (scan_result_id, version, outcome) values (?, ?, ?)",
						resultId, version.name(), accepted.contains(version) ? "ACCEPTED" : "REJECTED");
			}
		}
		this.jdbc.update("""
				insert into scan_latest (endpoint_id, scan_id, scanned_at, outcome, leaf_not_after)
				values (?, ?, now(), 'OK', ?)
				""", endpointId, scanId, Timestamp.from(leafNotAfter));
		// The judge's state of that scan, as it stores it (the worst grade, what any
		// address accepted).
		String worst = grades.stream().max((a, b) -> GradeOrder.rank(a) - GradeOrder.rank(b)).orElseThrow();
		this.jdbc.update("""
				insert into finding_status (endpoint_id, scan_id, status, judged_at, grade, grade_rank, up, probed,
				    ssl2, ssl3, tls10, tls11, tls12, tls13, post_quantum)
				values (?, ?, ?, now(), ?, ?, true, true, ?, ?, ?, ?, ?, ?, ?)
				""", endpointId, scanId, status.name(), worst, GradeOrder.rank(worst),
				accepted.contains(TlsVersion.SSL_2_0), accepted.contains(TlsVersion.SSL_3_0),
				accepted.contains(TlsVersion.TLS_1_0), accepted.contains(TlsVersion.TLS_1_1),
				accepted.contains(TlsVersion.TLS_1_2), accepted.contains(TlsVersion.TLS_1_3), postQuantum);
	}

	private static Map<EndpointStatus, Long> delta(Map<EndpointStatus, Long> before, Map<EndpointStatus, Long> after) {
		Map<EndpointStatus, Long> delta = new java.util.EnumMap<>(EndpointStatus.class);
		after.forEach((status, count) -> delta.put(status, count - before.getOrDefault(status, 0L)));
		return delta;
	}

	private static long weekDelta(FleetOverview before, FleetOverview after, int week) {
		List<WeekCount> a = after.expiriesPerWeek();
		List<WeekCount> b = before.expiriesPerWeek();
		return a.get(week).count() - b.get(week).count();
	}

	/** A filter narrowed to this test's tag. */
	private static final class Builder {

		private final String tag;

		private @Nullable String text;

		private @Nullable EndpointStatus status;

		private @Nullable String grade;

		private @Nullable TlsMode mode;

		private @Nullable Integer expiring;

		private @Nullable TlsVersion accepts;

		private @Nullable Boolean postQuantum;

		Builder(String tag) {
			this.tag = tag;
		}

		Builder text(String text) {
			this.text = text;
			return this;
		}

		Builder status(EndpointStatus status) {
			this.status = status;
			return this;
		}

		Builder grade(String grade) {
			this.grade = grade;
			return this;
		}

		Builder mode(TlsMode mode) {
			this.mode = mode;
			return this;
		}

		Builder expiring(int days) {
			this.expiring = days;
			return this;
		}

		Builder accepts(TlsVersion version) {
			this.accepts = version;
			return this;
		}

		Builder postQuantum(boolean postQuantum) {
			this.postQuantum = postQuantum;
			return this;
		}

		FleetFilter build() {
			return new FleetFilter(this.text, this.status, this.grade, this.mode, this.expiring, this.tag, this.accepts,
					this.postQuantum);
		}

	}

}
