package dev.tlswatch.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.CertificateInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The alert tables: alerts, what the rules remember per endpoint, and the per-endpoint
 * and per-tag overrides. Plain SQL; every method joins the caller's transaction.
 */
@Repository
class AlertStore {

	private static final String COLUMNS = """
			id, endpoint_id, rule, subject, severity, state, level, title, message, address, cert_sha256,
			cert_subject, cert_issuer, cert_not_after, previous_sha256, opened_at, opened_scan_id, escalated_at,
			escalated_scan_id, acknowledged_at, acknowledged_by, muted_until, resolved_at, resolved_scan_id, updated_at
			""";

	private static final String SEVERITY_ORDER = "case severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end";

	private static final RowMapper<AlertDetails> ALERT = AlertStore::alert;

	private final NamedParameterJdbcTemplate jdbc;

	AlertStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// Alerts

	Optional<AlertDetails> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from alert where id = :id", params().addValue("id", id), ALERT)
			.stream()
			.findFirst();
	}

	/** Locks the alert's row for an action on it. */
	Optional<AlertDetails> lock(long id) {
		return this.jdbc
			.query("select " + COLUMNS + " from alert where id = :id for update", params().addValue("id", id), ALERT)
			.stream()
			.findFirst();
	}

	List<AlertDetails> active(long endpointId) {
		return this.jdbc.query("select " + COLUMNS + " from alert where endpoint_id = :endpoint and state <> 'RESOLVED'"
				+ " order by " + SEVERITY_ORDER + ", id", params().addValue("endpoint", endpointId), ALERT);
	}

	/**
	 * The endpoint's active alerts and the active fleet-wide alert of a rule, in one
	 * query: what the alert rules read for every judged scan.
	 * @param endpointId the endpoint
	 * @param globalRule the rule of the fleet-wide alert
	 * @return both
	 */
	ActiveAlerts activeWithGlobal(long endpointId, AlertRule globalRule) {
		List<AlertDetails> found = this.jdbc.query("select " + COLUMNS
				+ " from alert where (endpoint_id = :endpoint or endpoint_id is null) and state <> 'RESOLVED'"
				+ " order by " + SEVERITY_ORDER + ", id", params().addValue("endpoint", endpointId), ALERT);
		return new ActiveAlerts(found.stream().filter((alert) -> alert.endpointId() != null).toList(),
				found.stream().filter((alert) -> alert.endpointId() == null && alert.rule() == globalRule).findFirst());
	}

	/**
	 * An endpoint's active alerts and a fleet-wide one.
	 *
	 * @param endpoint the endpoint's, by severity
	 * @param global the fleet-wide alert, if active
	 */
	record ActiveAlerts(List<AlertDetails> endpoint, Optional<AlertDetails> global) {
	}

	List<AlertDetails> allActive() {
		return this.jdbc.query("select " + COLUMNS + " from alert where state <> 'RESOLVED' order by " + SEVERITY_ORDER
				+ ", opened_at, id", params(), ALERT);
	}

	Page<AlertDetails> list(AlertFilter filter, Pageable pageable) {
		MapSqlParameterSource params = params();
		List<String> where = new ArrayList<>();
		where.add("true");
		if (filter.state() != null) {
			where.add("state = :state");
			params.addValue("state", filter.state().name());
		}
		if (filter.severity() != null) {
			where.add("severity = :severity");
			params.addValue("severity", filter.severity().name());
		}
		if (filter.endpointId() != null) {
			where.add("endpoint_id = :endpoint");
			params.addValue("endpoint", filter.endpointId());
		}
		String condition = String.join(" and ", where);
		Long total = this.jdbc.queryForObject("select count(*) from alert where " + condition, params, Long.class);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<AlertDetails> rows = this.jdbc.query("select " + COLUMNS + " from alert where " + condition
				+ " order by case state when 'RESOLVED' then 1 else 0 end, " + SEVERITY_ORDER
				+ ", opened_at desc, id desc limit :limit offset :offset", params, ALERT);
		return new PageImpl<>(rows, pageable, (total != null) ? total : 0);
	}

	/**
	 * Opens an alert, unless an active one of the same endpoint, rule and subject exists
	 * (another scan, perhaps on another node, opened it first).
	 * @return the new alert's id, empty if one was active already
	 */
	Optional<Long> open(@Nullable Long endpointId, Condition condition, @Nullable Long scanId, Instant now) {
		return this.jdbc
			.query("""
					insert into alert (endpoint_id, rule, subject, severity, state, level, title, message, address,
					    cert_sha256, cert_subject, cert_issuer, cert_not_after, previous_sha256, opened_at, opened_scan_id,
					    updated_at)
					values (:endpoint, :rule, :subject, :severity, 'OPEN', :level, :title, :message, :address,
					    :sha256, :certSubject, :issuer, :notAfter, :previous, :now, :scan, :now)
					on conflict (coalesce(endpoint_id, 0), rule, subject) where state <> 'RESOLVED' do nothing
					returning id
					""",
					conditionParams(condition).addValue("endpoint", endpointId)
						.addValue("rule", condition.rule().name())
						.addValue("subject", condition.subject())
						.addValue("previous", condition.previousSha256())
						.addValue("now", timestamp(now))
						.addValue("scan", scanId),
					(row, n) -> row.getLong(1))
			.stream()
			.findFirst();
	}

	/** The latest scan's view of a condition that still holds; escalation is separate. */
	void refresh(long id, Condition condition, Instant now) {
		this.jdbc.update("""
				update alert set severity = :severity, level = :level, title = :title, message = :message,
				    address = :address, cert_sha256 = :sha256, cert_subject = :certSubject, cert_issuer = :issuer,
				    cert_not_after = :notAfter, updated_at = :now
				where id = :id and (severity <> :severity or level <> :level or title <> :title or message <> :message
				    or address is distinct from :address)
				""", conditionParams(condition).addValue("id", id).addValue("now", timestamp(now)));
	}

	void escalated(long id, @Nullable Long scanId, Instant now) {
		this.jdbc.update(
				"update alert set escalated_at = :now, escalated_scan_id = :scan, updated_at = :now where id = :id",
				params().addValue("id", id).addValue("scan", scanId).addValue("now", timestamp(now)));
	}

	/**
	 * @return whether it was active until now
	 */
	boolean resolve(long id, @Nullable Long scanId, Instant now) {
		return this.jdbc.update("""
				update alert set state = 'RESOLVED', resolved_at = :now, resolved_scan_id = :scan, updated_at = :now
				where id = :id and state <> 'RESOLVED'
				""", params().addValue("id", id).addValue("scan", scanId).addValue("now", timestamp(now))) > 0;
	}

	void acknowledge(long id, String by, Instant now) {
		this.jdbc.update(
				"""
						update alert set state = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by, updated_at = :now
						where id = :id and state = 'OPEN'
						""",
				params().addValue("id", id).addValue("by", by).addValue("now", timestamp(now)));
	}

	void mute(long id, @Nullable Instant until, Instant now) {
		this.jdbc.update("update alert set muted_until = :until, updated_at = :now where id = :id",
				params().addValue("id", id).addValue("until", timestamp(until)).addValue("now", timestamp(now)));
	}

	/** Open alerts nobody took on or muted, opened and last reminded before the time. */
	List<Reminder> dueReminders(Instant before, Instant now) {
		return this.jdbc.query("""
				select id, reminders from alert
				where state = 'OPEN' and opened_at <= :before and coalesce(reminded_at, opened_at) <= :before
				    and (muted_until is null or muted_until <= :now)
				order by id for update skip locked
				""", params().addValue("before", timestamp(before)).addValue("now", timestamp(now)),
				(row, n) -> new Reminder(row.getLong("id"), row.getInt("reminders") + 1));
	}

	void reminded(long id, int count, Instant now) {
		this.jdbc.update("update alert set reminded_at = :now, reminders = :count where id = :id",
				params().addValue("id", id).addValue("count", count).addValue("now", timestamp(now)));
	}

	// What the rules remember

	/**
	 * Stores that a judged scan is being handled: the key of at-least-once delivery.
	 * @param scanId the scan
	 * @param now the time
	 * @return {@code true} the first time (act on it), {@code false} when it was handled
	 * before (do nothing)
	 */
	boolean firstTimeHandled(long scanId, Instant now) {
		return this.jdbc.update("""
				insert into alert_scan_handled (scan_id, handled_at) values (:scan, :now)
				on conflict (scan_id) do nothing
				""", new MapSqlParameterSource().addValue("scan", scanId).addValue("now", Timestamp.from(now))) == 1;
	}

	EndpointMemory memory(long endpointId) {
		return this.jdbc
			.query("""
					select consecutive_failures, last_leaf_sha256, last_grade, grade_baseline
					from alert_endpoint_state where endpoint_id = :endpoint for update
					""", params().addValue("endpoint", endpointId),
					(row, n) -> new EndpointMemory(row.getInt(1), row.getString(2), row.getString(3), row.getString(4)))
			.stream()
			.findFirst()
			.orElse(EndpointMemory.EMPTY);
	}

	void remember(long endpointId, long scanId, Instant scannedAt, boolean failed, EndpointMemory memory) {
		this.jdbc.update("""
				insert into alert_endpoint_state (endpoint_id, last_scan_id, last_scanned_at, last_failed,
				    consecutive_failures, last_leaf_sha256, last_grade, grade_baseline)
				values (:endpoint, :scan, :at, :failed, :failures, :leaf, :grade, :baseline)
				on conflict (endpoint_id) do update set last_scan_id = excluded.last_scan_id,
				    last_scanned_at = excluded.last_scanned_at, last_failed = excluded.last_failed,
				    consecutive_failures = excluded.consecutive_failures, last_leaf_sha256 = excluded.last_leaf_sha256,
				    last_grade = excluded.last_grade, grade_baseline = excluded.grade_baseline
				""",
				params().addValue("endpoint", endpointId)
					.addValue("scan", scanId)
					.addValue("at", timestamp(scannedAt))
					.addValue("failed", failed)
					.addValue("failures", memory.consecutiveFailures())
					.addValue("leaf", memory.lastLeafSha256())
					.addValue("grade", memory.lastGrade())
					.addValue("baseline", memory.gradeBaseline()));
	}

	/**
	 * How many endpoints are known, how many failed their latest scan, and how many of
	 * those failed since the given time.
	 */
	FailureCounts failureCounts(Instant since) {
		return this.jdbc.queryForObject("""
				select count(*), count(*) filter (where last_failed),
				    count(*) filter (where last_failed and last_scanned_at >= :since)
				from alert_endpoint_state
				""", params().addValue("since", timestamp(since)),
				(row, n) -> new FailureCounts(row.getLong(1), row.getLong(2), row.getLong(3)));
	}

	// Overrides

	EndpointAlertSettings endpointSettings(long endpointId) {
		return this.jdbc.query("""
				select thresholds, disabled_rules, recipients, owner_name, owner_email
				from alert_endpoint_settings where endpoint_id = :endpoint
				""", params().addValue("endpoint", endpointId), (row, n) -> endpointSettingsFrom(row, 1))
			.stream()
			.findFirst()
			.orElse(EndpointAlertSettings.NONE);
	}

	/**
	 * One endpoint's own overrides and those of the given tags (its tags), in one query:
	 * what every scan's judge and alert rules read.
	 * @param endpointId the endpoint
	 * @param tags its tags
	 * @return its overrides and its tags' in tag order
	 */
	Overrides overrides(long endpointId, Collection<String> tags) {
		List<EndpointAlertSettings> own = new ArrayList<>(1);
		List<TagAlertSettings> tagSettings = new ArrayList<>();
		this.jdbc.query("""
				select null as tag, thresholds, disabled_rules, recipients, owner_name, owner_email
				from alert_endpoint_settings where endpoint_id = :endpoint
				union all
				select tag, thresholds, disabled_rules, recipients, null, null
				from alert_tag_settings where tag = any (cast(:tags as text[]))
				order by tag nulls first
				""", params().addValue("endpoint", endpointId).addValue("tags", tags.toArray(String[]::new)),
				(RowCallbackHandler) (row) -> {
					String tag = row.getString(1);
					if (tag == null) {
						own.add(endpointSettingsFrom(row, 2));
					}
					else {
						tagSettings.add(tagSettingsFrom(row));
					}
				});
		return new Overrides(own.isEmpty() ? EndpointAlertSettings.NONE : own.get(0), List.copyOf(tagSettings));
	}

	/**
	 * An endpoint's own overrides and its tags'.
	 *
	 * @param own its own
	 * @param tags its tags', in tag order
	 */
	record Overrides(EndpointAlertSettings own, List<TagAlertSettings> tags) {
	}

	/**
	 * The overrides of several endpoints in one query; endpoints without any are left
	 * out.
	 */
	Map<Long, EndpointAlertSettings> endpointSettings(Collection<Long> endpointIds) {
		if (endpointIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, EndpointAlertSettings> found = new HashMap<>();
		this.jdbc.query("""
				select endpoint_id, thresholds, disabled_rules, recipients, owner_name, owner_email
				from alert_endpoint_settings where endpoint_id in (:endpoints)
				""", params().addValue("endpoints", endpointIds),
				(RowCallbackHandler) (row) -> found.put(row.getLong(1), endpointSettingsFrom(row, 2)));
		return found;
	}

	void saveEndpointSettings(long endpointId, EndpointAlertSettings settings, Instant now) {
		this.jdbc.update(
				"""
						insert into alert_endpoint_settings (endpoint_id, thresholds, disabled_rules, recipients, owner_name,
						    owner_email, updated_at)
						values (:endpoint, :thresholds, :disabled, :recipients, :ownerName, :ownerEmail, :now)
						on conflict (endpoint_id) do update set thresholds = excluded.thresholds,
						    disabled_rules = excluded.disabled_rules, recipients = excluded.recipients,
						    owner_name = excluded.owner_name, owner_email = excluded.owner_email, updated_at = excluded.updated_at
						""",
				params().addValue("endpoint", endpointId)
					.addValue("thresholds", joinNullable(settings.thresholds()))
					.addValue("disabled", String.join(",", settings.disabledRules()))
					.addValue("recipients", String.join(",", settings.recipients()))
					.addValue("ownerName", settings.ownerName())
					.addValue("ownerEmail", settings.ownerEmail())
					.addValue("now", timestamp(now)));
	}

	List<TagAlertSettings> tagSettings(@Nullable Collection<String> tags) {
		if (tags != null && tags.isEmpty()) {
			return List.of();
		}
		String where = (tags != null) ? " where tag in (:tags)" : "";
		return this.jdbc.query(
				"select tag, thresholds, disabled_rules, recipients from alert_tag_settings" + where + " order by tag",
				params().addValue("tags", tags), (row, n) -> tagSettingsFrom(row));
	}

	void saveTagSettings(TagAlertSettings settings, Instant now) {
		this.jdbc.update(
				"""
						insert into alert_tag_settings (tag, thresholds, disabled_rules, recipients, updated_at)
						values (:tag, :thresholds, :disabled, :recipients, :now)
						on conflict (tag) do update set thresholds = excluded.thresholds, disabled_rules = excluded.disabled_rules,
						    recipients = excluded.recipients, updated_at = excluded.updated_at
						""",
				params().addValue("tag", settings.tag())
					.addValue("thresholds", joinNullable(settings.thresholds()))
					.addValue("disabled", String.join(",", settings.disabledRules()))
					.addValue("recipients", String.join(",", settings.recipients()))
					.addValue("now", timestamp(now)));
	}

	boolean deleteTagSettings(String tag) {
		return this.jdbc.update("delete from alert_tag_settings where tag = :tag", params().addValue("tag", tag)) > 0;
	}

	// Mapping

	private static MapSqlParameterSource conditionParams(Condition condition) {
		CertificateInfo certificate = condition.certificate();
		return params().addValue("severity", condition.severity().name())
			.addValue("level", condition.level())
			.addValue("title", condition.title())
			.addValue("message", condition.message())
			.addValue("address", condition.address())
			.addValue("sha256", (certificate != null) ? certificate.sha256() : null)
			.addValue("certSubject", (certificate != null) ? certificate.subject() : null)
			.addValue("issuer", (certificate != null) ? certificate.issuer() : null)
			.addValue("notAfter", (certificate != null) ? timestamp(certificate.notAfter()) : null);
	}

	private static AlertDetails alert(ResultSet row, int n) throws SQLException {
		return new AlertDetails(row.getLong("id"), nullableLong(row, "endpoint_id"),
				AlertRule.valueOf(row.getString("rule")), row.getString("subject"),
				Severity.valueOf(row.getString("severity")), AlertState.valueOf(row.getString("state")),
				row.getInt("level"), row.getString("title"), row.getString("message"), row.getString("address"),
				row.getString("cert_sha256"), row.getString("cert_subject"), row.getString("cert_issuer"),
				instant(row, "cert_not_after"), row.getString("previous_sha256"),
				java.util.Objects.requireNonNull(instant(row, "opened_at")), nullableLong(row, "opened_scan_id"),
				instant(row, "escalated_at"), nullableLong(row, "escalated_scan_id"), instant(row, "acknowledged_at"),
				row.getString("acknowledged_by"), instant(row, "muted_until"), instant(row, "resolved_at"),
				nullableLong(row, "resolved_scan_id"), java.util.Objects.requireNonNull(instant(row, "updated_at")));
	}

	private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : value;
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * An endpoint's overrides from the columns thresholds, disabled_rules, recipients,
	 * owner_name and owner_email, in that order from column {@code first}.
	 */
	private static EndpointAlertSettings endpointSettingsFrom(ResultSet row, int first) throws SQLException {
		return new EndpointAlertSettings(nullableList(row.getString(first)), list(row.getString(first + 1)),
				list(row.getString(first + 2)), row.getString(first + 3), row.getString(first + 4));
	}

	/** A tag's overrides from the columns tag, thresholds, disabled_rules, recipients. */
	private static TagAlertSettings tagSettingsFrom(ResultSet row) throws SQLException {
		return new TagAlertSettings(row.getString(1), nullableList(row.getString(2)), list(row.getString(3)),
				list(row.getString(4)));
	}

	private static List<String> list(@Nullable String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
	}

	private static @Nullable List<String> nullableList(@Nullable String joined) {
		return (joined == null) ? null : list(joined);
	}

	private static @Nullable String joinNullable(@Nullable List<String> values) {
		return (values != null) ? String.join(",", values) : null;
	}

	private static MapSqlParameterSource params() {
		return new MapSqlParameterSource();
	}

	/**
	 * An alert due for a reminder.
	 *
	 * @param id the alert
	 * @param number which reminder this is
	 */
	record Reminder(long id, int number) {
	}

	/**
	 * Endpoints by their latest scan.
	 *
	 * @param known endpoints scanned at least once
	 * @param failing those whose latest scan reached no address
	 * @param recentlyFailing those of them that failed within the window
	 */
	record FailureCounts(long known, long failing, long recentlyFailing) {
	}

}
