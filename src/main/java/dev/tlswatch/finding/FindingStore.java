package dev.tlswatch.finding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.scan.ScanCompleted;
import dev.tlswatch.scan.ScanDetails;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judges every completed scan, and answers what was found.
 * <p>
 * Judging is a module listener: it runs after the scan's transaction committed, in a
 * transaction of its own, and Spring Modulith's event publication registry hands the scan
 * to it again after a failure or a crash. Delivery is therefore at least once: the scan's
 * key is stored first, and a scan already judged is left alone. A failure here never
 * loses the stored scan.
 */
@Service
class FindingStore implements Findings {

	/** How often {@link #awaitJudged} looks. */
	private static final Duration AWAIT_POLL = Duration.ofMillis(25);

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ExpiryPolicies policies;

	FindingStore(NamedParameterJdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events,
			ExpiryPolicies policies) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.policies = policies;
	}

	@ApplicationModuleListener
	void on(ScanCompleted event) {
		ScanDetails scan = event.scan();
		if (scan.gone()) {
			// a resubmitted event whose scan was deleted since: nothing left to judge
			return;
		}
		Instant now = this.clock.instant();
		List<FindingDetails> findings = FindingRules.judge(scan, this.policies.forEndpoint(scan.endpointId()), now);
		EndpointStatus status = FindingRules.status(scan, findings);
		if (storeFirst(scan, findings, status, EndpointState.of(scan), now)) {
			this.events.publishEvent(new ScanJudged(scan, findings, status));
		}
	}

	/**
	 * Stores the scan's key, its findings and the endpoint's status and state in one
	 * statement, all three only if the key is new: a scan delivered again changes
	 * nothing. The status and state stay if a later scan was judged already (judging runs
	 * after commit, so two scans of one endpoint may be judged out of order). The
	 * findings keep their order (their ids).
	 * @return whether the scan was judged for the first time
	 */
	private boolean storeFirst(ScanDetails scan, List<FindingDetails> findings, EndpointStatus status,
			EndpointState state, Instant now) {
		Long first = this.jdbc.queryForObject("""
				with judged as (
				    insert into finding_scan_judged (scan_id, judged_at) values (:scan, :judged)
				    on conflict (scan_id) do nothing
				    returning scan_id
				), findings as (
				    insert into finding (scan_id, endpoint_id, address, code, severity, message)
				    select judged.scan_id, cast(:endpoint as bigint), f.address, f.code, f.severity, f.message
				    from judged cross join unnest(cast(:addresses as varchar[]), cast(:codes as varchar[]),
				        cast(:severities as varchar[]), cast(:messages as text[]))
				        with ordinality as f (address, code, severity, message, position)
				    order by f.position
				), state as (
				    insert into finding_status (endpoint_id, scan_id, status, judged_at, grade, grade_rank, up, probed,
				        ssl2, ssl3, tls10, tls11, tls12, tls13, post_quantum)
				    select :endpoint, judged.scan_id, cast(:status as varchar), cast(:judged as timestamptz),
				        cast(:grade as varchar), cast(:rank as smallint), :up, :probed,
				        :ssl2, :ssl3, :tls10, :tls11, :tls12, :tls13, :pq
				    from judged
				    on conflict (endpoint_id) do update set scan_id = excluded.scan_id, status = excluded.status,
				        judged_at = excluded.judged_at, grade = excluded.grade, grade_rank = excluded.grade_rank,
				        up = excluded.up, probed = excluded.probed, ssl2 = excluded.ssl2, ssl3 = excluded.ssl3,
				        tls10 = excluded.tls10, tls11 = excluded.tls11, tls12 = excluded.tls12, tls13 = excluded.tls13,
				        post_quantum = excluded.post_quantum
				    where finding_status.scan_id <= excluded.scan_id
				)
				select count(*) from judged
				""",
				new MapSqlParameterSource().addValue("scan", scan.id())
					.addValue("endpoint", scan.endpointId())
					.addValue("judged", Timestamp.from(now))
					.addValue("addresses", findings.stream().map(FindingDetails::address).toArray(String[]::new))
					.addValue("codes", findings.stream().map(FindingDetails::code).toArray(String[]::new))
					.addValue("severities",
							findings.stream().map((finding) -> finding.severity().name()).toArray(String[]::new))
					.addValue("messages", findings.stream().map(FindingDetails::message).toArray(String[]::new))
					.addValue("status", status.name())
					.addValue("grade", state.grade())
					.addValue("rank", state.gradeRank())
					.addValue("up", state.up())
					.addValue("probed", state.probed())
					.addValue("ssl2", state.ssl2())
					.addValue("ssl3", state.ssl3())
					.addValue("tls10", state.tls10())
					.addValue("tls11", state.tls11())
					.addValue("tls12", state.tls12())
					.addValue("tls13", state.tls13())
					.addValue("pq", state.postQuantum()),
				Long.class);
		return first != null && first > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FindingDetails> forScan(long scanId) {
		return forScans(List.of(scanId)).get(scanId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, List<FindingDetails>> forScans(Collection<Long> scanIds) {
		Map<Long, List<FindingDetails>> byScan = new LinkedHashMap<>();
		scanIds.forEach((id) -> byScan.put(id, new ArrayList<>()));
		if (!scanIds.isEmpty()) {
			this.jdbc.query("""
					select scan_id, code, severity, address, message from finding where scan_id in (:scans)
					order by case severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end, id
					""", Map.of("scans", scanIds),
					(RowCallbackHandler) (row) -> byScan.get(row.getLong("scan_id"))
						.add(new FindingDetails(FindingKind.valueOf(row.getString("code")),
								Severity.valueOf(row.getString("severity")), row.getString("address"),
								row.getString("message"))));
		}
		Map<Long, List<FindingDetails>> result = new LinkedHashMap<>();
		byScan.forEach((id, findings) -> result.put(id, List.copyOf(findings)));
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, EndpointStatus> statusOf(Collection<Long> endpointIds) {
		Map<Long, EndpointStatus> statuses = new HashMap<>();
		endpointIds.forEach((id) -> statuses.put(id, EndpointStatus.PENDING));
		if (!endpointIds.isEmpty()) {
			this.jdbc.query("select endpoint_id, status from finding_status where endpoint_id in (:ids)",
					Map.of("ids", endpointIds), (row) -> {
						statuses.put(row.getLong("endpoint_id"), EndpointStatus.valueOf(row.getString("status")));
					});
		}
		return Map.copyOf(statuses);
	}

	@Override
	public boolean awaitJudged(long scanId, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!judged(scanId)) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			try {
				Thread.sleep(AWAIT_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private boolean judged(long scanId) {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("select exists (select 1 from finding_scan_judged where scan_id = :scan)",
					Map.of("scan", scanId), Boolean.class));
	}

	@Override
	@Transactional(readOnly = true)
	public EndpointVerdict verdict(long endpointId) {
		List<EndpointVerdict> found = this.jdbc.query(
				"select scan_id, status, judged_at from finding_status where endpoint_id = :endpoint",
				Map.of("endpoint", endpointId),
				(row, i) -> new EndpointVerdict(endpointId, EndpointStatus.valueOf(row.getString("status")),
						row.getLong("scan_id"), row.getTimestamp("judged_at").toInstant(), List.of()));
		if (found.isEmpty()) {
			return new EndpointVerdict(endpointId, EndpointStatus.PENDING, null, null, List.of());
		}
		EndpointVerdict verdict = found.get(0);
		return new EndpointVerdict(endpointId, verdict.status(), verdict.scanId(), verdict.judgedAt(),
				forScan(java.util.Objects.requireNonNull(verdict.scanId())));
	}

	@Override
	public ExpiryPolicy expiryPolicy(long endpointId) {
		return this.policies.forEndpoint(endpointId);
	}

	@Override
	public Map<Long, ExpiryPolicy> expiryPolicies(Collection<Long> endpointIds) {
		return this.policies.forEndpoints(endpointIds);
	}

	@Override
	public ExpiryPolicy defaultExpiryPolicy() {
		return this.policies.global();
	}

}
