package dev.tlswatch.fleet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.GradeOrder;
import dev.tlswatch.fleet.FleetOverview.ProtocolUsage;
import dev.tlswatch.fleet.FleetOverview.UpcomingExpiry;
import dev.tlswatch.fleet.FleetOverview.WeekCount;
import dev.tlswatch.probe.TlsVersion;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@link Fleet} questions with a few SQL queries over one row per endpoint: the
 * registry, the scan module's latest scan ({@code scan_latest}: when, leaf expiry) and
 * the judge's current state ({@code finding_status}: status, worst grade, accepted
 * versions, post-quantum), kept current as scans are stored and judged. No query ranks
 * the addresses of every latest scan, so a fleet of 10,000 costs the same handful of
 * indexed or single-table queries as a fleet of ten.
 */
@Service
@Transactional(readOnly = true)
class FleetQueries implements Fleet {

	static final int NEXT_EXPIRIES = 10;

	static final int EXPIRY_WEEKS = 13;

	/** Grades from best to worst; the worst address decides an endpoint's grade. */
	static final List<String> GRADES = GradeOrder.BEST_FIRST;

	private static final String STATUS_RANK = rankCase("coalesce(fs.status, 'PENDING')",
			List.of("CRITICAL", "UNREACHABLE", "WARNING", "PENDING", "OK"));

	private static final String FROM = """
			from endpoint e
			left join scan_latest sl on sl.endpoint_id = e.id
			left join finding_status fs on fs.endpoint_id = e.id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	FleetQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public FleetOverview overview() {
		Instant now = this.clock.instant();
		Map<EndpointStatus, Long> byStatus = byStatus();
		long endpoints = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new FleetOverview(endpoints, byStatus, nextExpiries(), grades(), protocols(), expiriesPerWeek(now));
	}

	@Override
	public Page<Long> find(FleetFilter filter, FleetSort sort, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, params);
		Long total = this.jdbc.queryForObject("select count(*) " + FROM + where, params, Long.class);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<Long> ids = this.jdbc.queryForList(
				"select e.id " + FROM + where + " order by " + orderBy(sort) + " limit :limit offset :offset", params,
				Long.class);
		return new PageImpl<>(ids, pageable, (total != null) ? total : 0);
	}

	@Override
	public Map<Long, String> grades(Collection<Long> endpointIds) {
		if (endpointIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> grades = new HashMap<>();
		this.jdbc.query("select fs.endpoint_id, fs.grade from finding_status fs where fs.endpoint_id in (:ids)",
				Map.of("ids", endpointIds), (row) -> {
					String grade = row.getString("grade");
					if (grade != null) {
						grades.put(row.getLong("endpoint_id"), grade);
					}
				});
		return Map.copyOf(grades);
	}

	private Map<EndpointStatus, Long> byStatus() {
		Map<EndpointStatus, Long> counts = new EnumMap<>(EndpointStatus.class);
		for (EndpointStatus status : EndpointStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.query("select coalesce(fs.status, 'PENDING') as status, count(*) as n from endpoint e "
				+ "left join finding_status fs on fs.endpoint_id = e.id group by 1", (row) -> {
					counts.put(EndpointStatus.valueOf(row.getString("status")), row.getLong("n"));
				});
		return counts;
	}

	private List<UpcomingExpiry> nextExpiries() {
		return this.jdbc.query("""
				select e.id, e.host, e.port, sl.leaf_not_after, c.not_before
				from scan_latest sl join endpoint e on e.id = sl.endpoint_id
				left join certificate c on c.sha256 = sl.leaf_sha256
				where sl.leaf_not_after is not null order by sl.leaf_not_after, e.id limit :n
				""", Map.of("n", NEXT_EXPIRIES), (row, i) -> {
			java.sql.Timestamp notBefore = row.getTimestamp("not_before");
			return new UpcomingExpiry(row.getLong("id"), row.getString("host"), row.getInt("port"),
					row.getTimestamp("leaf_not_after").toInstant(), (notBefore != null) ? notBefore.toInstant() : null);
		});
	}

	private Map<String, Long> grades() {
		Map<String, Long> found = new LinkedHashMap<>();
		this.jdbc.query("select fs.grade, count(*) as n from finding_status fs where fs.grade is not null "
				+ "group by fs.grade", (row) -> {
					found.put(row.getString("grade"), row.getLong("n"));
				});
		Map<String, Long> ordered = new LinkedHashMap<>();
		GRADES.stream().filter(found::containsKey).forEach((grade) -> ordered.put(grade, found.get(grade)));
		return ordered;
	}

	private ProtocolUsage protocols() {
		return this.jdbc.queryForObject("""
				select count(*) filter (where probed) as scanned,
				       count(*) filter (where ssl3 or tls10 or tls11) as legacy,
				       count(*) filter (where ssl3) as ssl3, count(*) filter (where tls10) as tls10,
				       count(*) filter (where tls11) as tls11, count(*) filter (where tls13) as tls13,
				       count(*) filter (where post_quantum) as pq
				from finding_status
				""", Map.of(),
				(row, i) -> new ProtocolUsage(row.getLong("scanned"), row.getLong("legacy"), row.getLong("ssl3"),
						row.getLong("tls10"), row.getLong("tls11"), row.getLong("tls13"), row.getLong("pq")));
	}

	private List<WeekCount> expiriesPerWeek(Instant now) {
		long[] counts = new long[EXPIRY_WEEKS];
		this.jdbc.query("""
				select floor(extract(epoch from (sl.leaf_not_after - :now)) / 604800)::int as week, count(*) as n
				from scan_latest sl where sl.leaf_not_after >= :now and sl.leaf_not_after < :until group by 1
				""", new MapSqlParameterSource("now", Timestamp.from(now)).addValue("until",
				Timestamp.from(now.plus(Duration.ofDays(7L * EXPIRY_WEEKS)))), (row) -> {
					int week = row.getInt("week");
					if (week >= 0 && week < EXPIRY_WEEKS) {
						counts[week] += row.getLong("n");
					}
				});
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<WeekCount> weeks = new ArrayList<>();
		for (int week = 0; week < EXPIRY_WEEKS; week++) {
			weeks.add(new WeekCount(today.plusWeeks(week), counts[week]));
		}
		return weeks;
	}

	private String where(FleetFilter filter, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (filter.text() != null) {
			params.addValue("text", "%" + likeEscaped(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
			conditions.add("(e.host like :text or coalesce(e.sni_name, '') like :text or exists "
					+ "(select 1 from endpoint_tag t where t.endpoint_id = e.id and lower(t.tag) like :text))");
		}
		if (filter.tag() != null) {
			params.addValue("tag", filter.tag());
			conditions.add("exists (select 1 from endpoint_tag t where t.endpoint_id = e.id and t.tag = :tag)");
		}
		if (filter.status() != null) {
			params.addValue("status", filter.status().name());
			conditions.add("coalesce(fs.status, 'PENDING') = :status");
		}
		if (filter.tlsMode() != null) {
			params.addValue("mode", filter.tlsMode().name());
			conditions.add("e.tls_mode = :mode");
		}
		if (filter.expiringWithinDays() != null) {
			params.addValue("until",
					Timestamp.from(this.clock.instant().plus(Duration.ofDays(filter.expiringWithinDays()))));
			conditions.add("sl.leaf_not_after < :until");
		}
		if (filter.grade() != null) {
			params.addValue("grade", filter.grade());
			conditions.add("fs.grade = :grade");
		}
		if (filter.accepts() != null) {
			conditions.add(accepts(filter.accepts()));
		}
		if (filter.postQuantum() != null) {
			conditions
				.add(filter.postQuantum() ? "fs.post_quantum" : "(fs.scan_id is not null and not fs.post_quantum)");
		}
		return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
	}

	private static String orderBy(FleetSort sort) {
		return switch (sort) {
			case HOST -> "e.host, e.port, e.id";
			case EXPIRY -> "sl.leaf_not_after nulls last, e.host, e.id";
			case STATUS -> STATUS_RANK + ", e.host, e.id";
			case GRADE -> "coalesce(fs.grade_rank, -1) desc, e.host, e.id";
			case LAST_SCAN -> "sl.scanned_at desc nulls last, e.host, e.id";
		};
	}

	/** Whether the latest judged scan saw some address accept a version. */
	private static String accepts(TlsVersion version) {
		return switch (version) {
			case SSL_2_0 -> "fs.ssl2";
			case SSL_3_0 -> "fs.ssl3";
			case TLS_1_0 -> "fs.tls10";
			case TLS_1_1 -> "fs.tls11";
			case TLS_1_2 -> "fs.tls12";
			case TLS_1_3 -> "fs.tls13";
		};
	}

	private static String rankCase(String expression, List<String> values) {
		StringBuilder sql = new StringBuilder("case ").append(expression);
		for (int i = 0; i < values.size(); i++) {
			sql.append(" when '").append(values.get(i)).append("' then ").append(i);
		}
		return sql.append(" end").toString();
	}

	/** Escapes LIKE's wildcards with PostgreSQL's default escape character. */
	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
