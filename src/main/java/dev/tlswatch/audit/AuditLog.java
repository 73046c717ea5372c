package dev.tlswatch.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores audit events in {@code audit_event}. Joins the caller's transaction, so an event
 * is stored exactly when the change it describes is.
 */
@Service
@Transactional
class AuditLog implements Audit {

	static final int MAX_ACTOR = 255;

	static final int MAX_ACTION = 64;

	static final int MAX_TARGET_TYPE = 64;

	static final int MAX_TARGET_ID = 128;

	static final int MAX_SUMMARY = 1000;

	/** Control characters would let a value forge lines in logs or exports. */
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public AuditEntry record(String action, String targetType, @Nullable String targetId, String summary) {
		String actor = bounded(currentActor(), MAX_ACTOR);
		String checkedAction = required("action", action, MAX_ACTION);
		String checkedType = required("targetType", targetType, MAX_TARGET_TYPE);
		String checkedId = (targetId != null) ? bounded(targetId, MAX_TARGET_ID) : null;
		String checkedSummary = bounded(summary, MAX_SUMMARY);
		// PostgreSQL keeps microseconds: what is returned must equal what is read later.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, target_type, target_id, summary)
				values (:occurredAt, :actor, :action, :targetType, :targetId, :summary)
				""")
			.param("occurredAt", Timestamp.from(now))
			.param("actor", actor)
			.param("action", checkedAction)
			.param("targetType", checkedType)
			.param("targetId", checkedId)
			.param("summary", checkedSummary)
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		return new AuditEntry(id, now, actor, checkedAction, checkedType, checkedId, checkedSummary);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AuditEntry> list(Pageable pageable) {
		Pageable page = pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize())
				: PageRequest.of(0, Integer.MAX_VALUE);
		List<AuditEntry> rows = this.jdbc.sql("""
				select id, occurred_at, actor, action, target_type, target_id, summary from audit_event
				order by id desc limit :limit offset :offset
				""")
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query((row, number) -> new AuditEntry(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(),
					row.getString("actor"), row.getString("action"), row.getString("target_type"),
					row.getString("target_id"), row.getString("summary")))
			.list();
		long total = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		return new PageImpl<>(rows, page, total);
	}

	/**
	 * The signed-in user's name, read from Spring Security's context of this thread;
	 * {@value Audit#SYSTEM} for no one or an anonymous visitor.
	 */
	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		String name = authentication.getName();
		return (name == null || name.isBlank()) ? SYSTEM : name;
	}

	private static String required(String name, String value, int max) {
		String checked = value.strip();
		if (checked.isEmpty() || checked.length() > max || CONTROL.matcher(checked).find()) {
			throw new IllegalArgumentException("Audit " + name + " must be 1 to " + max
					+ " characters without control characters: " + bounded(value, max));
		}
		return checked;
	}

	private static String bounded(String value, int max) {
		String clean = CONTROL.matcher(value.strip()).replaceAll(" ");
		return (clean.length() > max) ? clean.substring(0, max - 1) + "…" : clean;
	}

}
