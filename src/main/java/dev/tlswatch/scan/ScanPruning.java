package dev.tlswatch.scan;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scan tables' side of retention, with the scan-by-endpoint index. Each call is its
 * own short transaction.
 */
@Component
class ScanPruning implements ScanRetention {

	private static final String FINGERPRINTS = """
			select s.id, s.started_at,
			       coalesce((select string_agg(concat_ws('|', coalesce(r.address, '-'), r.outcome,
			                                             coalesce(r.protocol, '-'), coalesce(r.cipher_suite, '-'),
			                                             coalesce(r.grade, '-'),
			                                             coalesce((select string_agg(c.certificate_sha256, ','
			                                                                         order by c.position)
			                                                       from scan_result_certificate c
			                                                       where c.scan_result_id = r.id), '-')),
			                                   ';' order by r.id)
			                 from scan_result r where r.scan_id = s.id), '') as fingerprint
			from scan s
			where s.endpoint_id = :endpoint and s.started_at < :before
			  and (s.started_at, s.id) > (:afterAt, :afterId)
			order by s.started_at, s.id
			limit :limit
			""";

	private static final RowMapper<ScanFingerprint> ROW = (rs, n) -> new ScanFingerprint(rs.getLong("id"),
			rs.getTimestamp("started_at").toInstant(), rs.getString("fingerprint"));

	private final NamedParameterJdbcTemplate jdbc;

	private final CarriedFacts carried;

	private final ScanSettings settings;

	ScanPruning(NamedParameterJdbcTemplate jdbc, CarriedFacts carried, ScanSettings settings) {
		this.jdbc = jdbc;
		this.carried = carried;
		this.settings = settings;
	}

	@Override
	public Duration referencedFor() {
		return this.settings.fullProbeMaxAge();
	}

	/**
	 * The marks travel as three comma-separated texts (ids and ISO-8601 instants, neither
	 * holds a comma) unnested into rows: one parameter each however many endpoints. The
	 * lower bound on {@code started_at} is an index condition, so an endpoint with
	 * nothing past its mark costs one short index range (from its mark to the cutoff),
	 * not its whole kept history.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<Long> endpointsWithScansBefore(Instant before, Map<Long, ScanFingerprint> walkedUpTo) {
		StringJoiner endpoints = new StringJoiner(",");
		StringJoiner scans = new StringJoiner(",");
		StringJoiner starts = new StringJoiner(",");
		walkedUpTo.forEach((endpointId, mark) -> {
			endpoints.add(Long.toString(endpointId));
			scans.add(Long.toString(mark.scanId()));
			starts.add(mark.startedAt().toString());
		});
		return this.jdbc.queryForList("""
				with mark (endpoint_id, scan_id, started_at) as (
				    select * from unnest(cast(string_to_array(:endpoints, ',') as bigint[]),
				                         cast(string_to_array(:scans, ',') as bigint[]),
				                         cast(string_to_array(:starts, ',') as timestamptz[])))
				select e.id from endpoint e left join mark m on m.endpoint_id = e.id
				where exists (select 1 from scan s
				              where s.endpoint_id = e.id and s.started_at < :before
				                and s.started_at >= coalesce(m.started_at, '-infinity')
				                and (m.endpoint_id is null or s.started_at > m.started_at or s.id > m.scan_id))
				order by e.id
				""",
				new MapSqlParameterSource().addValue("before", Timestamp.from(before))
					.addValue("endpoints", endpoints.toString())
					.addValue("scans", scans.toString())
					.addValue("starts", starts.toString()),
				Long.class);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ScanFingerprint> oldScans(long endpointId, Instant before, int limit) {
		return page(endpointId, before, Instant.EPOCH.minusSeconds(1), 0, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ScanFingerprint> oldScans(long endpointId, Instant before, ScanFingerprint after, int limit) {
		return page(endpointId, before, after.startedAt(), after.scanId(), limit);
	}

	private List<ScanFingerprint> page(long endpointId, Instant before, Instant afterAt, long afterId, int limit) {
		return this.jdbc.query(FINGERPRINTS,
				new MapSqlParameterSource().addValue("endpoint", endpointId)
					.addValue("before", Timestamp.from(before))
					.addValue("afterAt", Timestamp.from(afterAt))
					.addValue("afterId", afterId)
					.addValue("limit", limit),
				ROW);
	}

	/**
	 * Delete the scans that no endpoint's latest scan is. A quick check kept in the
	 * history that carries facts from one of them gets copies of those facts first
	 * ({@link CarriedFacts#materialiseReferencesTo}): it reads as before, and the full
	 * probe goes as the retention policy says (keeping it would keep a scan the policy
	 * prunes). The {@code scan_result.carried_from} reference would refuse the delete
	 * otherwise.
	 */
	@Override
	@Transactional
	public int deleteScans(Collection<Long> scanIds) {
		if (scanIds.isEmpty()) {
			return 0;
		}
		List<Long> deletable = this.jdbc.queryForList("""
				select id from scan where id in (:ids)
				  and not exists (select 1 from scan_latest l where l.scan_id = scan.id)
				""", new MapSqlParameterSource("ids", scanIds), Long.class);
		if (deletable.isEmpty()) {
			return 0;
		}
		this.carried.materialiseReferencesTo(deletable);
		return this.jdbc.update("""
				delete from scan where id in (:ids)
				  and not exists (select 1 from scan_latest l where l.scan_id = scan.id)
				""", new MapSqlParameterSource("ids", deletable));
	}

	@Override
	@Transactional
	public int deleteUnreferencedCertificates(Instant firstSeenBefore, int limit) {
		return this.jdbc.update("""
				delete from certificate where sha256 in (
				    select c.sha256 from certificate c
				    where c.first_seen_at < :before
				      and not exists (select 1 from scan_result_certificate r where r.certificate_sha256 = c.sha256)
				      and not exists (select 1 from scan_latest l where l.leaf_sha256 = c.sha256)
				    limit :limit)
				""", new MapSqlParameterSource().addValue("before", Timestamp.from(firstSeenBefore))
			.addValue("limit", limit));
	}

}
