package dev.tlswatch.audit;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The audit log's API. Call {@link #record} inside the transaction of the change it
 * describes, so that both are stored or neither; the actor is the current Spring Security
 * principal's name, or {@value #SYSTEM} when there is none.
 * <p>
 * A summary says what changed in words for administrators. It must never contain a
 * secret: no passwords, tokens, keys or URLs with credentials.
 */
public interface Audit {

	/** The actor of changes made by no signed-in user (start-up, schedules, events). */
	String SYSTEM = "system";

	/**
	 * Record a change.
	 * @param action what was done, e.g. {@code ENDPOINT_CREATED}; at most 64 characters
	 * @param targetType what kind of thing, e.g. {@code endpoint}; at most 64 characters
	 * @param targetId which one, {@code null} when there is no single one; at most 128
	 * characters
	 * @param summary a sentence without secrets; longer than 1000 characters is cut
	 * @return the stored event
	 */
	AuditEntry record(String action, String targetType, @Nullable String targetId, String summary);

	/**
	 * Recorded events, newest first.
	 * @param pageable the page (its sort is ignored)
	 * @return the page
	 */
	Page<AuditEntry> list(Pageable pageable);

}
